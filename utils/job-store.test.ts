import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeJob } from '../tests/unit/make-job';
import { JOB_SCHEMA_VERSION } from './job';
import { addJob, getJobs, removeJob, updateJob } from './job-store';

const stored = async () => (await fakeBrowser.storage.local.get('jobs')).jobs as unknown[];
const put = (records: unknown[]) => fakeBrowser.storage.local.set({ jobs: records });

describe('job store', () => {
  it('keeps jobs newest first and updates one in place', async () => {
    await addJob(makeJob({ id: 'a' }));
    await addJob(makeJob({ id: 'b' }));
    await updateJob('a', (job) => ({ ...job, phase: 'creating' }));
    expect((await getJobs()).map((job) => [job.id, job.phase])).toEqual([['b', 'acquiring'], ['a', 'creating']]);
    await removeJob('b');
    expect((await getJobs()).map((job) => job.id)).toEqual(['a']);
  });

  it('keeps every update made in the same instant', async () => {
    await addJob(makeJob({ id: 'a', attempts: 0 }));
    await Promise.all(Array.from({ length: 5 }, () => updateJob('a', (job) => ({ ...job, attempts: job.attempts + 1 }))));
    expect((await getJobs())[0]?.attempts).toBe(5);
  });

  it('hides a record from a newer build but keeps it, untouched, through every write', async () => {
    // The user went back to an older version of the extension: its jobs must be there when they return.
    const future = { ...makeJob({ id: 'future' }), v: JOB_SCHEMA_VERSION + 1, renamedField: 'x' };
    await put([future, makeJob({ id: 'a' })]);
    expect((await getJobs()).map((job) => job.id)).toEqual(['a']);
    await addJob(makeJob({ id: 'b' }));
    await updateJob('a', (job) => ({ ...job, phase: 'creating' }));
    await removeJob('b');
    expect(await stored()).toContainEqual(future);
    expect(await stored()).toHaveLength(2);
  });

  it('drops a record nobody can read (and says so), not the list around it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await put([makeJob({ id: 'a' }), { v: JOB_SCHEMA_VERSION, id: 'broken' }, 'garbage', makeJob({ id: 'b' })]);
    expect((await getJobs()).map((job) => job.id)).toEqual(['a', 'b']);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
