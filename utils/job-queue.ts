import { isFinished, type Job } from './job';

/**
 * Jobs take turns at the provider: at most `limit` hold a slot (a prediction exists, or may exist
 * because its create request left), and the rest wait in the order they were started. A job told to
 * wait before creating (a 429 said when to come back, or an attempt failed) holds back the ones
 * behind it until it has its prediction: waiting, and also once its wait is over and its create is in
 * flight. Released together, the later creates would race it for the one request a rate limit lets
 * through, and overtake it. So a rate limit delays the queue, in order, one create at a time.
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

/**
 * True for a job that was told to wait before creating and has no prediction yet. `dueAt` marks it:
 * THROTTLED and TRANSIENT set it, and CREATE_SENT keeps it while the retried request is in flight.
 */
function isRetryingCreate(job: Job): boolean {
  return job.phase === 'creating' && job.dueAt !== undefined;
}

/** Sort order of jobs by when they were started, oldest first (ties by id, so every reader agrees). */
export const byStartOrder = (a: Job, b: Job): number => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/** How many waiting jobs are ahead of this one, or 0 when it may create now. */
export function jobsAhead(jobs: Job[], jobId: string, limit: number): number {
  const waiting = jobs.filter(isWaitingToCreate).sort(byStartOrder);
  const index = waiting.findIndex((job) => job.id === jobId);
  const self = waiting[index];
  if (!self) return 0;
  const heldBack = jobs.some((job) => job !== self && isRetryingCreate(job) && byStartOrder(job, self) < 0);
  const free = limit - jobs.filter(holdsSlot).length;
  return heldBack || index >= free ? Math.max(1, index) : 0;
}
