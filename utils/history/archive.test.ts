import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeJob } from '../../tests/unit/make-job';
import type { Job } from '../job';
import { recordEntry } from '../spend/ledger-store';
import { addJob, getJobs, removeJob } from '../job-store';
import { archiveFinishedJobs, isReadyToArchive } from './archive';
import { entryFromJob } from './history-entry';
import { getHistoryEntry, listHistory, putHistoryEntries } from './history-store';

const done = (id: string, createdAt: number, overrides: Partial<Job> = {}) =>
  makeJob({ id, createdAt, updatedAt: createdAt, phase: 'done', completedAt: createdAt + 1, ...overrides });

async function store(...jobs: Job[]) {
  for (const job of jobs) await addJob(job);
}

describe('archiving finished jobs', () => {
  it('moves done, announced jobs to the history and leaves the rest', async () => {
    await store(
      done('done', 1),
      done('announcing', 2, { announce: true }),
      makeJob({ id: 'running', phase: 'polling', createdAt: 3 }),
      makeJob({ id: 'failed', phase: 'failed', createdAt: 4 }),
    );
    const moved = await archiveFinishedJobs(await getJobs(), 100);
    expect(moved.map((entry) => entry.id)).toEqual(['done']);
    expect((await getJobs()).map((job) => job.id).sort()).toEqual(['announcing', 'failed', 'running']);
    const entry = await getHistoryEntry('done');
    expect(entry).toMatchObject({ treeId: 'done', parentId: undefined, archivedAt: 100, createdAt: 1 });
    expect(entry?.job.prompt).toBe('make this a 90s cartoon');
    expect([done('x', 1), done('y', 1, { announce: true }), makeJob()].map(isReadyToArchive)).toEqual([true, false, false]);
  });

  it('records in the entry what the ledger billed for the job (the user’s prices), else the published price', async () => {
    await recordEntry({ jobId: 'mine', predictionId: 'p', micros: 55_000, model: 'black-forest-labs/flux-kontext-pro', provider: 'replicate', rule: 'per-output-image', basis: 'one output image, your price', at: 1 });
    await store(done('mine', 1, { predictionId: 'p' }), done('unrecorded', 2));
    await archiveFinishedJobs(await getJobs(), 10);
    expect((await getHistoryEntry('mine'))?.cost).toEqual({ usd: 0.055, basis: 'one output image, your price' });
    expect((await getHistoryEntry('unrecorded'))?.cost?.usd).toBe(0.04);
  });

  it('puts an edit of an earlier result in that result’s tree, even when both finish together', async () => {
    await putHistoryEntries([entryFromJob(done('root', 1), undefined, 5)]);
    await store(done('a', 2, { source: { kind: 'job', jobId: 'root' } }), done('b', 3, { source: { kind: 'job', jobId: 'a' } }));
    await archiveFinishedJobs(await getJobs(), 10);
    expect(await getHistoryEntry('a')).toMatchObject({ treeId: 'root', parentId: 'root' });
    expect(await getHistoryEntry('b')).toMatchObject({ treeId: 'root', parentId: 'a' });
  });

  it('starts a tree of its own when the version it edited was deleted meanwhile', async () => {
    await store(done('orphan', 2, { source: { kind: 'job', jobId: 'gone' } }));
    await archiveFinishedJobs(await getJobs(), 10);
    expect(await getHistoryEntry('orphan')).toMatchObject({ treeId: 'orphan', parentId: undefined });
  });

  it('is safe to run again after a stop between the two writes (same entry, job then removed)', async () => {
    const job = done('done', 1);
    await store(job);
    await putHistoryEntries([entryFromJob(job, undefined, 5)]);
    await archiveFinishedJobs(await getJobs(), 10);
    expect(await getJobs()).toEqual([]);
    expect((await listHistory()).map((entry) => entry.id)).toEqual(['done']);
  });

  it('does not bring back as history a job deleted while it was being archived', async () => {
    await store(done('done', 1));
    const seen = await getJobs();
    await removeJob('done');
    expect(await archiveFinishedJobs(seen, 10)).toEqual([]);
    expect(await listHistory()).toEqual([]);
  });

  it('removes the jobs and announces the history change in one storage write', async () => {
    await store(done('done', 1));
    const events: string[][] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) => events.push(Object.keys(changes).sort()));
    await archiveFinishedJobs(await getJobs(), 10);
    await vi.waitFor(() => expect(events).toContainEqual(['historyRevision', 'jobs']));
    expect(events).toHaveLength(1);
  });

  it('keeps the job in the live list when the history cannot be written', async () => {
    await store(done('done', 1));
    const failing = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(archiveFinishedJobs(await getJobs(), 10)).rejects.toThrow(/quota/);
    failing.mockRestore();
    expect((await getJobs()).map((job) => job.id)).toEqual(['done']);
  });
});
