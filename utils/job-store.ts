import { storage } from 'wxt/utils/storage';
import { createSerialQueue } from './serial-queue';
import { Job } from './job';

/**
 * Jobs live in `storage.local` under one key, newest first. Only the background writes them, through
 * one serialized queue, so read-modify-write cycles never interleave and lose an update. Pages read
 * and watch them (storage change events make the popup live without any messaging).
 */
export const JOBS_KEY = 'local:jobs';

const jobsItem = storage.defineItem<unknown[]>(JOBS_KEY, { fallback: [], version: 1 });

/** Parses stored records one by one: a record that no longer validates is dropped, not the whole list. */
export function parseStoredJobs(raw: unknown): Job[] {
  if (!Array.isArray(raw)) return [];
  const jobs: Job[] = [];
  for (const record of raw) {
    const parsed = Job.safeParse(record);
    if (parsed.success) jobs.push(parsed.data);
  }
  return jobs;
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

/** Adds a new job at the top of the list. */
export function addJob(job: Job): Promise<void> {
  return serialized(async () => {
    const jobs = await getJobs();
    await jobsItem.setValue([job, ...jobs.filter((existing) => existing.id !== job.id)]);
  });
}

/**
 * Replaces one job with `change(job)` and returns the stored result; undefined when the job is gone
 * (deleted meanwhile). `change` must be pure: it can run against a newer record than the caller saw.
 */
export function updateJob(id: string, change: (job: Job) => Job): Promise<Job | undefined> {
  return serialized(async () => {
    const jobs = await getJobs();
    const index = jobs.findIndex((job) => job.id === id);
    const current = jobs[index];
    if (!current) return undefined;
    const next = change(current);
    if (next === current) return current;
    jobs[index] = next;
    await jobsItem.setValue(jobs);
    return next;
  });
}

/** Removes a job record. */
export function removeJob(id: string): Promise<void> {
  return serialized(async () => {
    const jobs = await getJobs();
    await jobsItem.setValue(jobs.filter((job) => job.id !== id));
  });
}
