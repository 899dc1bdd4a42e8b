// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeJob } from '../tests/unit/make-job';
import { bumpHistoryRevision, deleteHistoryEntry, putHistoryEntries } from '../utils/history/history-store';
import { LONG_CHAIN_EDITS } from '../utils/history/tree';
import { addJob } from '../utils/job-store';
import type { BackgroundMessage } from '../utils/messages';
import { DELETED_NOTICE } from '../utils/ui/use-result-page';
import { makeChain, makeVersion } from '../utils/ui/testing/make-version';
import { DELETED_TITLE, MISSING_TITLE, ResultApp } from './ResultApp';

function fakeBackground() {
  const sent: BackgroundMessage[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
    sent.push(message);
    if (message.type === 'bg:delete-job') return { ok: await deleteHistoryEntry(message.jobId) };
    if (message.type === 'bg:prompt-context') return { hasKey: true, aspectRatio: 'match_input_image', outputFormat: 'png' };
    if (message.type === 'bg:prepare-input') return { ok: false, message: 'Not prepared in these tests.' };
    return { ok: true };
  }) as never);
  return sent;
}

function openPage(jobId: string) {
  window.history.replaceState(null, '', `#job=${jobId}`);
  render(<ResultApp />);
}

beforeEach(() => {
  fakeBackground();
});
afterEach(cleanup);

describe('ResultApp', () => {
  it('says it is loading before the history answers', async () => {
    openPage('v1');
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
  });

  it('shows the prompt as its heading, the versions of its source, and its facts', async () => {
    await putHistoryEntries(makeChain(3));
    openPage('v2');
    expect((await screen.findByRole('heading', { level: 1, name: 'prompt v2' }))).toBeTruthy();
    const tree = screen.getByRole('tree', { name: 'Versions' });
    expect(within(tree).getAllByRole('treeitem').map((item) => item.getAttribute('aria-label'))).toEqual([
      'Version 1: prompt v1', 'Version 2: prompt v2', 'Version 3: prompt v3',
    ]);
    expect(within(tree).getByRole('treeitem', { name: 'Version 2: prompt v2' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('Edits in its chain').nextElementSibling?.textContent).toBe('2');
    for (const name of ['Save', 'Copy', 'Edit again', 'Replace on page', 'Delete']) expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('opens another version from the tree and follows the hash, so Back works', async () => {
    const user = userEvent.setup();
    await putHistoryEntries(makeChain(3));
    openPage('v1');
    await user.click(await screen.findByRole('treeitem', { name: 'Version 3: prompt v3' }));
    expect(window.location.hash).toBe('#job=v3');
    expect(await screen.findByRole('heading', { level: 1, name: 'prompt v3' })).toBeTruthy();
    await user.click(screen.getByRole('treeitem', { name: 'Version 2: prompt v2' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'prompt v2' })).toBeTruthy();
    // One compare view and one row of buttons, whichever versions were shown before.
    expect(screen.getAllByRole('figure')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Edit again' })).toHaveLength(1);
  });

  it('lists an edit of a version while it runs, and moves it into the tree once it is in the history', async () => {
    await putHistoryEntries(makeChain(2));
    await addJob(makeJob({ id: 'v3', phase: 'polling', remoteStatus: 'processing', prompt: 'add a moon', createdAt: 9_000, source: { kind: 'job', jobId: 'v2' } }));
    openPage('v2');
    const running = await screen.findByRole('region', { name: 'In progress' });
    expect(within(running).getByText('add a moon')).toBeTruthy();
    expect(within(running).getByText('Processing')).toBeTruthy();

    await putHistoryEntries([makeVersion('v3', 9_000, 'v2', { treeId: 'v1', job: { prompt: 'add a moon' } })]);
    await act(() => bumpHistoryRevision());
    expect(await screen.findByRole('treeitem', { name: 'Version 3: add a moon' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'In progress' })).toBeNull();
  });

  it('after a long chain, "Edit an earlier version" closes the prompt box and points at the version before in the tree', async () => {
    const user = userEvent.setup();
    await putHistoryEntries(makeChain(LONG_CHAIN_EDITS));
    openPage(`v${LONG_CHAIN_EDITS}`);
    await user.click(await screen.findByRole('button', { name: 'Edit again' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit with Kontext' });
    await user.click(await within(dialog).findByRole('button', { name: 'Edit an earlier version' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(`Version ${LONG_CHAIN_EDITS - 1}: prompt v${LONG_CHAIN_EDITS - 1}`));
  });

  it('shows why an edit failed, since a failed edit has no result and stays in the live list', async () => {
    await addJob(makeJob({ id: 'bad', phase: 'failed', prompt: 'add a comet', error: { code: 'moderated', message: 'The provider refused this image.' } }));
    openPage('bad');
    expect(await screen.findByText('Failed')).toBeTruthy();
    expect(screen.getByText(/The provider refused this image\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open it in the list of edits' }).getAttribute('href')).toBe('popup.html#job=bad');
  });

  it('says when the edit is not there at all', async () => {
    openPage('nope');
    expect(await screen.findByRole('heading', { name: MISSING_TITLE })).toBeTruthy();
  });

  it('shows an edit still running and moves on once it reaches the history', async () => {
    await addJob(makeJob({ id: 'soon', phase: 'polling', remoteStatus: 'processing', prompt: 'add a hat' }));
    openPage('soon');
    expect(await screen.findByText('Processing')).toBeTruthy();
    await putHistoryEntries([makeVersion('soon', 5, undefined, { treeId: 'soon', job: { prompt: 'add a hat' } })]);
    await act(() => bumpHistoryRevision());
    expect(await screen.findByRole('tree', { name: 'Versions' })).toBeTruthy();
  });

  it('asks before deleting, then shows the version it was made from', async () => {
    const user = userEvent.setup();
    const sent = fakeBackground();
    await putHistoryEntries(makeChain(3));
    openPage('v3');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this version?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(sent.filter((m) => m.type === 'bg:delete-job')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(sent.filter((m) => m.type === 'bg:delete-job')).toEqual([{ type: 'bg:delete-job', jobId: 'v3' }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'prompt v2' })).toBeTruthy();
    expect(screen.getByText(DELETED_NOTICE)).toBeTruthy();
    expect(window.location.hash).toBe('#job=v2');
    expect(screen.getAllByRole('treeitem')).toHaveLength(2);
  });

  it('says the edit was deleted when no version of its picture is left', async () => {
    await putHistoryEntries([makeVersion('only', 1, undefined, { treeId: 'only' })]);
    openPage('only');
    await screen.findByRole('tree', { name: 'Versions' });
    await act(async () => {
      await deleteHistoryEntry('only');
    });
    expect(await screen.findByRole('heading', { name: DELETED_TITLE })).toBeTruthy();
  });
});
