// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundMessage, PromptContext, StartEditResult } from '../utils/messages';
import { capStatus, type CapFigures } from '../utils/spend/cap';
import { PromptBox } from './PromptBox';

const quote = (figures: CapFigures) => ({ ...figures, status: capStatus(figures) });
const base: PromptContext = { hasKey: true, aspectRatio: '1:1', outputFormat: 'png' };

/** A background whose context changes after a refused start (the cap was reached meanwhile). */
function fakeBackground(contexts: PromptContext[], startEdit: StartEditResult) {
  const sent: BackgroundMessage[] = [];
  let asked = 0;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
    sent.push(message);
    if (message.type === 'bg:prompt-context') return contexts[Math.min(asked++, contexts.length - 1)];
    if (message.type === 'bg:start-edit') return startEdit;
    if (message.type === 'bg:prepare-input') {
      return { ok: true, summary: { width: 8, height: 8, bytes: 10, type: 'image/png', via: 'result', sourceWidth: 8, sourceHeight: 8, sourceType: 'image/png', notes: [] } };
    }
    return { ok: true };
  }) as never);
  return sent;
}

const renderBox = () => render(<PromptBox source={{ kind: 'job', jobId: 'j1' }} onClose={vi.fn()} onOpenSettings={vi.fn()} />);

afterEach(cleanup);

describe('PromptBox spend line', () => {
  it('shows the price of the edit before it starts', async () => {
    fakeBackground([{ ...base, spend: quote({ spentMicros: 500_000, pendingMicros: 0, priceMicros: 80_000 }) }], { ok: true, jobId: 'x' });
    renderBox();
    expect(await screen.findByText(/This edit: \$0\.08 · this month \$0\.50/)).toBeTruthy();
  });

  it('after a start refused by the cap, offers to raise it at the Spending section', async () => {
    const atCap = quote({ spentMicros: 10_000_000, pendingMicros: 0, priceMicros: 40_000, capMicros: 10_000_000 });
    const sent = fakeBackground(
      [{ ...base, spend: quote({ spentMicros: 9_000_000, pendingMicros: 0, priceMicros: 40_000, capMicros: 10_000_000 }) }, { ...base, spend: atCap }],
      { ok: false, message: 'Monthly spending cap reached: $10.00 of $10.00 is spent or committed this month.', reason: 'spend-cap' },
    );
    renderBox();
    await screen.findByText(/90 % of your monthly cap/);
    await userEvent.type(screen.getByRole('textbox', { name: 'Edit instruction' }), 'make it blue{Enter}');
    await userEvent.click(await screen.findByRole('button', { name: 'Raise the cap' }));
    expect(sent).toContainEqual({ type: 'bg:open-options', section: 'spending' });
  });

  it('opened at the cap, keeps Start edit disabled (the background would refuse it)', async () => {
    const atCap = quote({ spentMicros: 10_000_000, pendingMicros: 0, priceMicros: 40_000, capMicros: 10_000_000 });
    const sent = fakeBackground([{ ...base, spend: atCap }], { ok: true, jobId: 'x' });
    renderBox();
    await screen.findByRole('button', { name: 'Raise the cap' });
    await userEvent.type(screen.getByRole('textbox', { name: 'Edit instruction' }), 'make it blue{Enter}');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Start edit' }).disabled).toBe(true);
    expect(sent.filter((message) => message.type === 'bg:start-edit')).toEqual([]);
  });
});
