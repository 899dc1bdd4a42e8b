import type { Job } from '../job';
import { getJob } from '../job-store';
import { getHistoryEntry } from './history-store';

/** A job wherever it is: still in the live list, or finished and in the history. */
export async function findJob(id: string): Promise<Job | undefined> {
  return (await getJob(id)) ?? (await getHistoryEntry(id))?.job;
}

export type PageSource = Extract<Job['source'], { kind: 'page' }>;

/** Longer than any real chain: a damaged record pointing in a circle ends the walk here. */
const MAX_CHAIN = 100;

/** The page picture a job's chain of edits started from (an "Edit again" walks up to its first version). */
export async function pageSourceOf(job: Job, find: (id: string) => Promise<Job | undefined> = findJob): Promise<PageSource | undefined> {
  let current: Job | undefined = job;
  for (let step = 0; current && step < MAX_CHAIN; step += 1) {
    if (current.source.kind === 'page') return current.source;
    current = await find(current.source.jobId);
  }
  return undefined;
}
