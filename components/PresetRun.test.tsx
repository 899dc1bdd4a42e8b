// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundMessage, StartEditResult } from '../utils/messages';
import { PresetRun } from './PresetRun';
import { STARTED_MESSAGE } from './PromptBox';

afterEach(cleanup);

/** The background answers each bg:run-preset with the next reply. */
function backgroundReplying(...replies: StartEditResult[]) {
  const asked: BackgroundMessage[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
    asked.push(message);
    return replies.shift();
  }) as never);
  return asked;
}

function renderRun(overrides: Partial<Parameters<typeof PresetRun>[0]> = {}) {
  const props = { token: 'tok', presetName: 'Black and white', onClose: vi.fn(), onOpenSettings: vi.fn(), onRaiseCap: vi.fn(), ...overrides };
  render(<PresetRun {...props} />);
  return props;
}

describe('PresetRun', () => {
  it('starts the preset of its menu click, says so under the preset’s name, then goes by itself', async () => {
    const asked = backgroundReplying({ ok: true, jobId: 'job-1' });
    const props = renderRun({ closeDelayMs: 30 });

    expect(screen.getByRole('region', { name: 'Black and white' })).toBeTruthy();
    expect(await screen.findByText(STARTED_MESSAGE)).toBeTruthy();
    expect(asked).toEqual([{ type: 'bg:run-preset', token: 'tok' }]);
    await vi.waitFor(() => expect(props.onClose).toHaveBeenCalledOnce());
  });

  it('without a key offers the options and, once the key is added, runs the same click', async () => {
    const asked = backgroundReplying({ ok: false, message: 'Add your API key on the options page first.', reason: 'no-key' }, { ok: true, jobId: 'job-1' });
    const props = renderRun();

    expect((await screen.findByRole('alert')).textContent).toBe('Add your API key on the options page first.');
    await userEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(props.onOpenSettings).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(STARTED_MESSAGE)).toBeTruthy();
    expect(asked).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('at the monthly cap says why, offers to raise it, and stays until closed', async () => {
    backgroundReplying({ ok: false, message: 'Monthly spending cap reached.', reason: 'spend-cap' });
    const props = renderRun({ closeDelayMs: 10 });

    expect((await screen.findByRole('alert')).textContent).toBe('Monthly spending cap reached.');
    await userEvent.click(screen.getByRole('button', { name: 'Raise the cap' }));
    expect(props.onRaiseCap).toHaveBeenCalledOnce();
    await act(() => new Promise((resolve) => setTimeout(resolve, 40)));
    expect(props.onClose).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(props.onClose).toHaveBeenCalledOnce();
  });

  it('says plainly when the extension cannot be reached', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    renderRun();
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not reach the extension/);
  });
});
