import { isFinished, type Job } from './job';

/**
 * Jobs take turns at the provider: at most `limit` hold a slot (a prediction exists, or may exist
 * because its create request left), and the rest wait in the order they were started. A waiting job
 * at the head of the line that has to wait (a 429 told us when to come back) holds back the ones
 * behind it, so a rate limit delays the queue instead of failing jobs or letting later ones overtake.
 */

/** True while a job occupies one of the provider slots. */
export function holdsSlot(job: Job): boolean {
  if (isFinished(job)) return false;
  return job.phase === 'polling' || job.phase === 'downloading' || (job.phase === 'creating' && job.createSentAt !== undefined);
}

/** True when a job is ready to create and waiting for its turn. */
export function isWaitingToCreate(job: Job): boolean {
  return job.phase === 'creating' && job.createSentAt === undefined;
}

/** How many waiting jobs are ahead of this one, or 0 when it may create now. */
export function jobsAhead(jobs: Job[], jobId: string, limit: number, now: number): number {
  const waiting = jobs.filter(isWaitingToCreate).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const index = waiting.findIndex((job) => job.id === jobId);
  if (index < 0) return 0;
  const heldBack = waiting.slice(0, index).some((job) => job.dueAt !== undefined && job.dueAt > now);
  const free = limit - jobs.filter(holdsSlot).length;
  return heldBack || index >= free ? Math.max(1, index) : 0;
}
