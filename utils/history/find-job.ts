import type { Job } from '../job';
import { getJob } from '../job-store';
import { getHistoryEntry } from './history-store';

/** A job wherever it is: still in the live list, or finished and in the history. */
export async function findJob(id: string): Promise<Job | undefined> {
  return (await getJob(id)) ?? (await getHistoryEntry(id))?.job;
}
