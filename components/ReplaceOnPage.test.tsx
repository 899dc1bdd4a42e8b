// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundMessage, ReplaceOnPageResult } from '../utils/messages';
import { setReplaced } from '../utils/replace-on-page-state';
import { makeJob } from '../utils/ui/testing/make-job';
import { ReplaceOnPage } from './ReplaceOnPage';

afterEach(cleanup);

function answer(reply: (message: BackgroundMessage) => ReplaceOnPageResult | undefined) {
  const sent: BackgroundMessage[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
    sent.push(message);
    const result = reply(message);
    if (!result) throw new Error('Could not establish connection.');
    return result;
  }) as typeof fakeBrowser.runtime.sendMessage);
  return sent;
}

const job = makeJob({ phase: 'done', result: { width: 4, height: 4, bytes: 10, type: 'image/png' } });

describe('ReplaceOnPage', () => {
  it('replaces, then offers to restore, then offers to replace again', async () => {
    const sent = answer((message) => ({ ok: true, state: message.type === 'bg:replace-on-page' ? 'replaced' : 'restored' }));
    render(<ReplaceOnPage job={job} />);
    await userEvent.click(screen.getByRole('button', { name: 'Replace on page' }));
    expect(await screen.findByRole('button', { name: 'Restore original' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Shown on the page.');
    await userEvent.click(screen.getByRole('button', { name: 'Restore original' }));
    expect(await screen.findByRole('button', { name: 'Replace on page' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Original restored.');
    expect(sent).toEqual([{ type: 'bg:replace-on-page', jobId: job.id }, { type: 'bg:restore-original', jobId: job.id }]);
  });

  it('offers the restore when opened again while the result is shown on the page', async () => {
    await setReplaced({ tabId: 3, frameId: 0, jobId: job.id }, true);
    render(<ReplaceOnPage job={job} />);
    expect(await screen.findByRole('button', { name: 'Restore original' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Replace on page' })).toBeNull();
  });

  it('only for its own job', async () => {
    await setReplaced({ tabId: 3, frameId: 0, jobId: 'another-job' }, true);
    render(<ReplaceOnPage job={job} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole('button', { name: 'Replace on page' })).toBeTruthy();
  });

  it('follows the session list: a reloaded page offers the replace again', async () => {
    await setReplaced({ tabId: 3, frameId: 0, jobId: job.id }, true);
    render(<ReplaceOnPage job={job} />);
    await screen.findByRole('button', { name: 'Restore original' });
    await setReplaced({ tabId: 3, frameId: 0, jobId: job.id }, false);
    expect(await screen.findByRole('button', { name: 'Replace on page' })).toBeTruthy();
  });

  it('shows the background’s reason as an alert', async () => {
    answer(() => ({ ok: false, message: 'Open the page the picture came from: Gallery' }));
    render(<ReplaceOnPage job={job} />);
    await userEvent.click(screen.getByRole('button', { name: 'Replace on page' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Open the page the picture came from: Gallery'));
    expect(screen.getByRole('button', { name: 'Replace on page' })).toBeTruthy();
  });

  it('reports to the host’s status line when it has one, and shows none of its own', async () => {
    answer(() => ({ ok: true, state: 'replaced' }));
    const onFeedback = vi.fn();
    render(<ReplaceOnPage job={job} onFeedback={onFeedback} />);
    await userEvent.click(screen.getByRole('button', { name: 'Replace on page' }));
    await waitFor(() => expect(onFeedback).toHaveBeenLastCalledWith({ kind: 'status', text: 'Shown on the page.' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says so when the extension does not answer', async () => {
    answer(() => undefined);
    render(<ReplaceOnPage job={job} />);
    await userEvent.click(screen.getByRole('button', { name: 'Replace on page' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/did not answer/));
  });
});
