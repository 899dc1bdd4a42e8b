import type { Job } from '../job';
import { removeJobsAlongside } from '../job-store';
import { billedForJob } from '../spend/ledger';
import { getLedger } from '../spend/ledger-store';
import { microsToUsd } from '../spend/money';
import { entryFromJob, type HistoryEntry } from './history-entry';
import { deleteHistoryEntry, getHistoryEntry, historyRevisionItem, putHistoryEntries } from './history-store';

/** A job ready for the history: done, and its finish announced (finish-notifier.ts reads the mark in storage.local). */
export function isReadyToArchive(job: Job): boolean {
  return job.phase === 'done' && job.announce !== true;
}

/**
 * Moves finished edits from the live job list (storage.local) to the history (IndexedDB). The entries
 * are written first and the jobs removed after, so a worker stopped in between leaves a job in both
 * places, never in neither; the next pass writes the same entry again (same id) and removes the job.
 * Oldest first, so a parent is in the history before the edit made from it looks for its tree.
 */
export async function archiveFinishedJobs(jobs: readonly Job[], now: number): Promise<HistoryEntry[]> {
  const ready = jobs.filter(isReadyToArchive).sort((a, b) => a.createdAt - b.createdAt);
  if (ready.length === 0) return [];
  const entries: HistoryEntry[] = [];
  const ledger = await getLedger().catch(() => undefined);
  for (const job of ready) {
    const parentId = job.source.kind === 'job' ? job.source.jobId : undefined;
    const parent = parentId === undefined
      ? undefined
      : entries.find((entry) => entry.id === parentId) ?? (await getHistoryEntry(parentId));
    const billed = ledger && billedForJob(ledger, job.id);
    entries.push(entryFromJob(job, parent, now, billed && { usd: microsToUsd(billed.micros), basis: billed.basis }));
  }
  await putHistoryEntries(entries);
  const removed = await removeJobsAlongside(new Set(entries.map((entry) => entry.id)), { item: historyRevisionItem, next: (revision) => revision + 1 });
  // A job the user deleted while this pass ran must not come back as a history entry without pictures.
  const deletedMeanwhile = entries.filter((entry) => !removed.has(entry.id));
  for (const entry of deletedMeanwhile) await deleteHistoryEntry(entry.id);
  return entries.filter((entry) => removed.has(entry.id));
}
