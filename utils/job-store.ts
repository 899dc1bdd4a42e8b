import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { createSerialQueue } from './serial-queue';
import { Job, JOB_VERSIONING } from './job';
import { upgradeRecord, type RecordVersioning } from './record-version';

/**
 * Jobs live in `storage.local` under one key, newest first. Only the background writes them, through
 * one serialized queue, so read-modify-write cycles never interleave and lose an update. Pages read
 * and watch them (storage change events make the popup live without any messaging).
 */
export const JOBS_KEY = 'local:jobs';

const jobsItem = storage.defineItem<unknown[]>(JOBS_KEY, { fallback: [], version: 1 });

/** The stored list, read: the jobs this build understands, and the records it must keep but cannot read. */
export interface StoredJobs {
  jobs: Job[];
  /** Records written by a newer build of the extension: kept as they are, written back untouched. */
  kept: unknown[];
}

/**
 * Reads stored records one by one, upgrading older versions (record-version.ts). A record from a newer
 * build is kept aside; one that cannot be read at all is dropped, not the whole list.
 */
export function readStoredJobs(raw: unknown, versioning: RecordVersioning = JOB_VERSIONING): StoredJobs {
  const stored: StoredJobs = { jobs: [], kept: [] };
  if (!Array.isArray(raw)) return stored;
  for (const record of raw) {
    const upgraded = upgradeRecord(record, versioning);
    if (upgraded.status === 'newer') {
      stored.kept.push(record);
      continue;
    }
    const parsed = upgraded.status === 'readable' ? Job.safeParse(upgraded.record) : undefined;
    if (parsed?.success) stored.jobs.push(parsed.data);
    else console.warn('Edit with Kontext: dropped a stored job record that cannot be read.', record);
  }
  return stored;
}

/** The jobs of a stored list (see readStoredJobs). */
export function parseStoredJobs(raw: unknown): Job[] {
  return readStoredJobs(raw).jobs;
}

/** Every job, newest first. */
export async function getJobs(): Promise<Job[]> {
  return parseStoredJobs(await jobsItem.getValue());
}

/** One job, or undefined. */
export async function getJob(id: string): Promise<Job | undefined> {
  return (await getJobs()).find((job) => job.id === id);
}

/** Calls back with the job list whenever it changes; returns the unsubscribe function. */
export function watchJobs(callback: (jobs: Job[]) => void): () => void {
  return jobsItem.watch((value) => callback(parseStoredJobs(value)));
}

// One read-modify-write at a time, so updates made in the same instant are all kept.
const serialized = createSerialQueue();

/** Another storage.local value written in the same write as the job list (one change event for both). */
export interface AlongsideWrite {
  item: WxtStorageItem<number, Record<string, unknown>>;
  next: (value: number) => number;
}

/** Runs `change` on the stored jobs and writes the result back, with the kept records after them. */
function rewrite(change: (jobs: Job[]) => Job[] | undefined, alongside?: AlongsideWrite): Promise<void> {
  return serialized(async () => {
    const { jobs, kept } = readStoredJobs(await jobsItem.getValue());
    const next = change(jobs);
    if (!next) return;
    if (!alongside) return jobsItem.setValue([...next, ...kept]);
    const value = alongside.next(await alongside.item.getValue());
    await storage.setItems([{ item: jobsItem, value: [...next, ...kept] }, { item: alongside.item, value }]);
  });
}

/** Adds a new job at the top of the list. */
export function addJob(job: Job): Promise<void> {
  return rewrite((jobs) => [job, ...jobs.filter((existing) => existing.id !== job.id)]);
}

/**
 * Replaces one job with `change(job)` and returns the stored result; undefined when the job is gone
 * (deleted meanwhile). `change` must be pure: it can run against a newer record than the caller saw.
 */
export async function updateJob(id: string, change: (job: Job) => Job): Promise<Job | undefined> {
  let result: Job | undefined;
  await rewrite((jobs) => {
    const index = jobs.findIndex((job) => job.id === id);
    const current = jobs[index];
    if (!current) return undefined;
    result = change(current);
    if (result === current) return undefined;
    return jobs.with(index, result);
  });
  return result;
}

/** Removes a job record. */
export function removeJob(id: string): Promise<void> {
  return rewrite((jobs) => jobs.filter((job) => job.id !== id));
}

/**
 * Removes job records and, in the same storage write, updates another value: the history's revision
 * when jobs move to the history, so a page sees them leave the list and arrive in the history at once.
 * Returns the ids that were there to remove.
 */
export async function removeJobsAlongside(ids: ReadonlySet<string>, alongside: AlongsideWrite): Promise<Set<string>> {
  const removed = new Set<string>();
  await rewrite((jobs) => {
    for (const job of jobs) if (ids.has(job.id)) removed.add(job.id);
    return removed.size > 0 ? jobs.filter((job) => !ids.has(job.id)) : undefined;
  }, alongside);
  return removed;
}
