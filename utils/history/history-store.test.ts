import { describe, expect, it, vi } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { openKontextDb } from '../db';
import { getJobImage, putJobImage } from '../image-store';
import { JOB_SCHEMA_VERSION } from '../job';
import { entryFromJob, HISTORY_SCHEMA_VERSION, type HistoryEntry } from './history-entry';
import {
  clearHistory, countHistory, deleteHistoryEntry, getHistoryEntry, getHistoryRevision, listHistory, listTree,
  putHistoryEntries, watchHistory,
} from './history-store';

const done = (id: string, createdAt: number, source = makeJob().source) =>
  makeJob({ id, createdAt, updatedAt: createdAt, phase: 'done', source, completedAt: createdAt + 5 });

/** root ← a ← b, and root ← c (a branch). */
function chainWithBranch(): HistoryEntry[] {
  const root = entryFromJob(done('root', 1), undefined, 10);
  const a = entryFromJob(done('a', 2, { kind: 'job', jobId: 'root' }), root, 20);
  const b = entryFromJob(done('b', 3, { kind: 'job', jobId: 'a' }), a, 30);
  const c = entryFromJob(done('c', 4, { kind: 'job', jobId: 'root' }), root, 40);
  return [root, a, b, c];
}

describe('history store', () => {
  it('lists entries newest first and a tree oldest first', async () => {
    await putHistoryEntries([...chainWithBranch(), entryFromJob(done('other', 5), undefined, 50)]);
    expect((await listHistory()).map((entry) => entry.id)).toEqual(['other', 'c', 'b', 'a', 'root']);
    expect((await listHistory(2)).map((entry) => entry.id)).toEqual(['other', 'c']);
    expect((await listTree('root')).map((entry) => entry.id)).toEqual(['root', 'a', 'b', 'c']);
    expect((await getHistoryEntry('b'))?.parentId).toBe('a');
    expect(await countHistory()).toBe(5);
  });

  it('deleting a version in the middle keeps its later versions, hung from its parent', async () => {
    await putHistoryEntries(chainWithBranch());
    for (const id of ['a', 'b']) await putJobImage(id, 'result', new Blob(['x'], { type: 'image/png' }));
    expect(await deleteHistoryEntry('a')).toBe(true);
    expect(await getHistoryEntry('a')).toBeUndefined();
    expect(await getJobImage('a', 'result')).toBeUndefined();
    expect((await getHistoryEntry('b'))?.parentId).toBe('root');
    expect(await getJobImage('b', 'result')).toBeDefined();
    expect(await deleteHistoryEntry('a')).toBe(false);
  });

  it('clear deletes every entry and its pictures, and nothing else', async () => {
    await putHistoryEntries(chainWithBranch());
    await putJobImage('b', 'result-thumb', new Blob(['x']));
    await putJobImage('running-job', 'input', new Blob(['y']));
    expect(await clearHistory()).toBe(4);
    expect(await listHistory()).toEqual([]);
    expect(await getJobImage('b', 'result-thumb')).toBeUndefined();
    expect(await getJobImage('running-job', 'input')).toBeDefined();
  });

  it('tells watchers when the history changes', async () => {
    const changed = vi.fn();
    const unwatch = watchHistory(changed);
    const before = await getHistoryRevision();
    await putHistoryEntries(chainWithBranch());
    await deleteHistoryEntry('c');
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect(await getHistoryRevision()).toBeGreaterThan(before);
    unwatch();
  });

  it('keeps a newer build’s record unread but in place, and skips an unreadable one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const [root] = chainWithBranch();
    const db = await openKontextDb();
    await db.put('history', { ...root, id: 'future', v: HISTORY_SCHEMA_VERSION + 1 });
    await db.put('history', { ...root, id: 'future-job', job: { ...root!.job, v: JOB_SCHEMA_VERSION + 1 } });
    await db.put('history', { v: HISTORY_SCHEMA_VERSION, id: 'broken', createdAt: 3, treeId: 'broken' });
    await putHistoryEntries([root!]);
    expect((await listHistory()).map((entry) => entry.id)).toEqual(['root']);
    expect(await getHistoryEntry('future')).toBeUndefined();
    expect(await db.get('history', 'future')).toBeDefined();
    expect(await countHistory()).toBe(4);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
