// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundMessage, PromptContext } from '../utils/messages';
import { promptModelOf } from '../utils/models/prompt-model';
import { DEFAULT_SETTINGS } from '../utils/settings';
import { PromptBox } from './PromptBox';

const DEV = 'black-forest-labs/flux-kontext-dev';

function contextFor(settings = DEFAULT_SETTINGS): PromptContext {
  return { hasKey: true, aspectRatio: settings.aspectRatio, outputFormat: settings.outputFormat, model: promptModelOf(settings) };
}

function fakeBackground(context: PromptContext) {
  const sent: BackgroundMessage[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
    sent.push(message);
    if (message.type === 'bg:prompt-context') return context;
    if (message.type === 'bg:start-edit') return { ok: true, jobId: 'job-1' };
    if (message.type === 'bg:prepare-input') return { ok: true, summary: { width: 8, height: 8, bytes: 100, type: 'image/png', via: 'background-fetch', sourceWidth: 8, sourceHeight: 8, sourceType: 'image/png', notes: [] } };
    return undefined;
  }) as never);
  return { edits: () => sent.flatMap((m) => (m.type === 'bg:start-edit' ? [m.request] : [])) };
}

async function renderBox() {
  render(<PromptBox source={{ kind: 'job', jobId: 'j' }} onClose={vi.fn()} onOpenSettings={vi.fn()} closeDelayMs={20} />);
  await screen.findByRole('combobox', { name: 'Aspect ratio' });
  await vi.waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
}

afterEach(cleanup);

describe('PromptBox per model', () => {
  it('asks pro only for aspect ratio and format', async () => {
    fakeBackground(contextFor());
    await renderBox();
    expect(screen.queryByLabelText('Steps')).toBeNull();
    expect(screen.queryByLabelText('Safety tolerance')).toBeNull();
    expect(screen.getAllByRole('option', { name: '2:1' })).toHaveLength(1);
  });

  it('asks dev for steps and guidance from the options’ values, only dev’s ratios, and sends them with the edit', async () => {
    const user = userEvent.setup();
    const background = fakeBackground(contextFor({ ...DEFAULT_SETTINGS, model: DEV, modelOptions: { [DEV]: { num_inference_steps: 24 } } }));
    await renderBox();

    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Steps' }).value).toBe('24');
    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Guidance' }).value).toBe('2.5');
    expect(screen.queryByLabelText('Safety tolerance')).toBeNull();
    expect(screen.queryByRole('option', { name: '2:1' })).toBeNull();

    await user.clear(screen.getByRole('spinbutton', { name: 'Guidance' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Guidance' }), '4.5');
    await user.type(screen.getByRole('textbox', { name: 'Edit instruction' }), 'Make it snow{Enter}');

    expect(background.edits()).toEqual([expect.objectContaining({ prompt: 'Make it snow', inputs: { num_inference_steps: 24, guidance: 4.5 } })]);
  });

  it('keeps an out-of-range value from being sent and says why next to it', async () => {
    const user = userEvent.setup();
    const background = fakeBackground(contextFor({ ...DEFAULT_SETTINGS, model: DEV }));
    await renderBox();
    const steps = screen.getByRole('spinbutton', { name: 'Steps' });
    await user.clear(steps);
    await user.type(steps, '99');
    await user.type(screen.getByRole('textbox', { name: 'Edit instruction' }), 'Make it snow{Enter}');

    expect(background.edits()).toEqual([]);
    expect(steps.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Steps: use 4 to 50.').id).toBe(steps.getAttribute('aria-describedby'));
    expect(document.activeElement).toBe(steps);
  });
});
