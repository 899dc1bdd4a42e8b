// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { archiveFinishedJobs } from '../utils/history/archive';
import { entryFromJob } from '../utils/history/history-entry';
import { putHistoryEntries, bumpHistoryRevision } from '../utils/history/history-store';
import type { Job } from '../utils/job';
import { addJob, getJobs } from '../utils/job-store';
import type { BackgroundMessage } from '../utils/messages';
import { setApiKey } from '../utils/secret-store';
import { makeJob } from '../utils/ui/testing/make-job';
import { PopupApp } from './PopupApp';
import { RENDER_ALL_UP_TO } from './VirtualList';

let sent: BackgroundMessage[] = [];

beforeEach(async () => {
  sent = [];
  await setApiKey('r8_test');
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
    sent.push(message);
    return { ok: true, deleted: 0 };
  }) as never);
});

afterEach(cleanup);

const done = (id: string, prompt: string, createdAt: number, pageUrl = 'https://example.org/') =>
  makeJob({ id, prompt, createdAt, updatedAt: createdAt, phase: 'done', completedAt: createdAt + 1, source: { kind: 'page', pageUrl, pageTitle: `Page of ${id}` } });

async function keep(...jobs: Job[]) {
  await putHistoryEntries(jobs.map((job) => entryFromJob(job, undefined, 1)));
  await bumpHistoryRevision();
}

describe('PopupApp history', () => {
  it('lists the history under the live jobs, newest first, and follows a job moving into it', async () => {
    await keep(done('old', 'Old result', 1_000));
    await addJob(makeJob({ id: 'live', prompt: 'Live edit', phase: 'polling', createdAt: 5_000, updatedAt: 5_000 }));
    render(<PopupApp />);
    await waitFor(() => expect(screen.getAllByRole('listitem').map((item) => item.querySelector('.job-prompt')?.textContent)).toEqual(['Live edit', 'Old result']));

    await addJob(done('finished', 'Just finished', 3_000));
    await archiveFinishedJobs(await getJobs(), 10);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
    expect(within(screen.getAllByRole('listitem')[1]!).getByText('Done')).toBeTruthy();
    expect(screen.getByText('Just finished')).toBeTruthy();
  });

  it('searches by instruction and by site', async () => {
    await keep(done('a', 'make it snowy', 1_000, 'https://cats.example/'), done('b', 'make it a painting', 2_000, 'https://dogs.example/'));
    render(<PopupApp />);
    const search = await screen.findByRole('searchbox', { name: 'Search history' });
    await userEvent.type(search, 'snowy');
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByText('make it snowy')).toBeTruthy();
    await userEvent.clear(search);
    await userEvent.type(search, 'dogs.example');
    await waitFor(() => expect(screen.queryByText('make it snowy')).toBeNull());
    expect(screen.getByText('make it a painting')).toBeTruthy();
    await userEvent.type(search, ' nothing');
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'No edits match “dogs.example nothing”.');
  });

  it('clears the history only after asking, and Keep history deletes nothing', async () => {
    await keep(done('a', 'first', 1_000), done('b', 'second', 2_000));
    render(<PopupApp />);
    await userEvent.click(await screen.findByRole('button', { name: 'Clear history' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Clear history?' });
    expect(within(dialog).getByText(/all 2 finished edits/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep history' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(sent.filter((message) => message.type === 'bg:clear-history')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete all' }));
    await waitFor(() => expect(sent).toContainEqual({ type: 'bg:clear-history' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it(`keeps every row of a history up to ${RENDER_ALL_UP_TO} edits in the page`, async () => {
    await keep(...Array.from({ length: RENDER_ALL_UP_TO }, (_, index) => done(`j${index}`, `short history ${index}`, index)));
    render(<PopupApp />);
    const list = await screen.findByRole('list', { name: 'Edits' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(RENDER_ALL_UP_TO));
  });

  it('renders only a window of a long history, each row saying where it is in the whole', async () => {
    await keep(...Array.from({ length: 1000 }, (_, index) => done(`j${index}`, `edit number ${index}`, index)));
    render(<PopupApp />);
    const list = await screen.findByRole('list', { name: 'Edits' });
    // A screenful of the newest is read first, the whole history right after.
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]?.getAttribute('aria-setsize')).toBe('1000'));
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeLessThan(20);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('1000');
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(within(rows[0]!).getByText('edit number 999')).toBeTruthy();
  });
});
