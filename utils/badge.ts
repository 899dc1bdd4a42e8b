import { isFinished, type Job } from './job';

/** The badge's usual colour, behind the number of running jobs. */
export const BADGE_COLOR = '#2563eb';
/** The badge's colour while a failure has not been seen in the popup yet. */
export const BADGE_ERROR_COLOR = '#d93025';

/** Text and colour of the toolbar badge. */
export interface Badge {
  text: string;
  color: string;
}

/** When the newest failed job failed (0 when none did). */
export function lastFailureAt(jobs: Job[]): number {
  let latest = 0;
  for (const job of jobs) {
    if (job.phase === 'failed') latest = Math.max(latest, job.completedAt ?? job.updatedAt);
  }
  return latest;
}

/**
 * The number of running jobs, in red while a job failed after `seenFailuresUntil` (when the popup last
 * opened); then '!' if nothing runs, so the failure shows on an otherwise empty badge.
 * Without a timestamp every failure counts as seen (the badge before failures were tracked).
 */
export function badgeFor(jobs: Job[], seenFailuresUntil = Number.POSITIVE_INFINITY): Badge {
  const running = jobs.filter((job) => !isFinished(job)).length;
  const count = running > 0 ? String(running) : '';
  if (lastFailureAt(jobs) > seenFailuresUntil) return { text: count || '!', color: BADGE_ERROR_COLOR };
  return { text: count, color: BADGE_COLOR };
}

/** Holds the two inputs of the badge as they arrive and applies the badge once both are known. */
export interface BadgeController {
  setJobs(jobs: Job[]): void;
  setSeenFailuresUntil(timestamp: number): void;
}

/** A controller that calls `apply` with the badge after every change (once jobs and timestamp are known). */
export function createBadgeController(apply: (badge: Badge) => void): BadgeController {
  let jobs: Job[] | undefined;
  let seen: number | undefined;
  const update = () => {
    if (jobs !== undefined && seen !== undefined) apply(badgeFor(jobs, seen));
  };
  return {
    setJobs(next) {
      jobs = next;
      update();
    },
    setSeenFailuresUntil(timestamp) {
      seen = timestamp;
      update();
    },
  };
}
