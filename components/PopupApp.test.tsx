// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addJob, removeJob, updateJob } from '../utils/job-store';
import type { BackgroundMessage, PromptContext } from '../utils/messages';
import { setApiKey } from '../utils/secret-store';
import { makeJob } from '../utils/ui/testing/make-job';
import { PopupApp } from './PopupApp';

let sent: BackgroundMessage[] = [];

beforeEach(async () => {
  sent = [];
  await setApiKey('r8_test');
  const context: PromptContext = { hasKey: true, aspectRatio: 'match_input_image', outputFormat: 'png' };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
    sent.push(message);
    if (message.type === 'bg:prompt-context') return context;
    if (message.type === 'bg:prepare-input') {
      return { ok: true, summary: { width: 8, height: 8, bytes: 90, type: 'image/png', via: 'result', sourceWidth: 8, sourceHeight: 8, sourceType: 'image/png', notes: [] } };
    }
    return { ok: true };
  }) as never);
});

afterEach(cleanup);

describe('PopupApp', () => {
  it('wakes the background when it opens', async () => {
    render(<PopupApp />);
    await waitFor(() => expect(sent).toContainEqual({ type: 'bg:wake' }));
  });

  it('explains how to start when there are no edits, with a Settings link', async () => {
    render(<PopupApp />);
    expect(await screen.findByText('Right-click any image on a web page and choose Edit with Kontext.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Settings' })).toBeTruthy();
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('follows the stored jobs live: new ones on top, changes, and deletions', async () => {
    const older = makeJob({ prompt: 'Older edit', createdAt: 1_000, updatedAt: 1_000 });
    await addJob(older);
    render(<PopupApp />);
    expect(await screen.findByText('Older edit')).toBeTruthy();

    const newer = makeJob({ prompt: 'Newer edit', createdAt: 2_000, updatedAt: 2_000 });
    await addJob(newer);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(within(screen.getAllByRole('listitem')[0]!).getByText('Newer edit')).toBeTruthy();

    await updateJob(newer.id, (job) => ({ ...job, phase: 'failed', error: { code: 'server', message: 'The provider had an error.' } }));
    expect(await screen.findByText('The provider had an error.')).toBeTruthy();

    await removeJob(older.id);
    await waitFor(() => expect(screen.queryByText('Older edit')).toBeNull());
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    await removeJob(newer.id);
  });

  it('shows a banner leading to the settings while no API key is saved', async () => {
    await setApiKey('');
    render(<PopupApp />);
    expect(await screen.findByRole('button', { name: 'Add your API key in Settings' })).toBeTruthy();
  });

  it('drops the key banner when the user comes back with a key saved', async () => {
    await setApiKey('');
    render(<PopupApp />);
    await screen.findByRole('button', { name: 'Add your API key in Settings' });
    await setApiKey('r8_new');
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Add your API key in Settings' })).toBeNull());
  });

  it('marks failures seen when it shows the list, and again when a job fails while it is open', async () => {
    const job = makeJob({ prompt: 'Turn it blue', phase: 'polling' });
    await addJob(job);
    render(<PopupApp />);
    await screen.findByText('Turn it blue');
    await waitFor(() => expect(sent.filter((m) => m.type === 'bg:failures-seen')).toHaveLength(1));
    await updateJob(job.id, (j) => ({ ...j, phase: 'failed', updatedAt: 9_000, completedAt: 9_000, error: { code: 'server', message: 'Provider error.' } }));
    await waitFor(() => expect(sent.filter((m) => m.type === 'bg:failures-seen')).toHaveLength(2));
    await removeJob(job.id);
  });

  it('points at the job named in the address (opened from a notification)', async () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => undefined);
    const other = makeJob({ prompt: 'Other edit', createdAt: 2_000 });
    const target = makeJob({ prompt: 'Notified edit', phase: 'done', createdAt: 1_000, completedAt: 3_000 });
    await addJob(other);
    await addJob(target);
    window.location.hash = `#job=${encodeURIComponent(target.id)}`;
    try {
      render(<PopupApp />);
      const item = (await screen.findByText('Notified edit')).closest('li');
      expect(item?.getAttribute('aria-current')).toBe('true');
      expect(screen.getByText('Other edit').closest('li')?.hasAttribute('aria-current')).toBe(false);
      expect(scroll).toHaveBeenCalled();
      expect(scroll.mock.contexts.every((element) => element === item)).toBe(true);
    } finally {
      window.location.hash = '';
      await removeJob(other.id);
      await removeJob(target.id);
    }
  });

  it('opens the prompt box on the result for Edit again, and closes it with Escape', async () => {
    const user = userEvent.setup();
    const done = makeJob({ prompt: 'Make it night', phase: 'done', completedAt: 5_000 });
    await addJob(done);
    render(<PopupApp />);
    await user.click(await screen.findByRole('button', { name: 'Edit again' }));

    const dialog = screen.getByRole('dialog', { name: 'Edit with Kontext' });
    expect(within(dialog).getByRole('textbox', { name: 'Edit instruction' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Start edit' })).toBeTruthy();
    await waitFor(() => expect(sent).toContainEqual({ type: 'bg:prompt-context', source: { kind: 'job', jobId: done.id } }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await removeJob(done.id);
  });
});
