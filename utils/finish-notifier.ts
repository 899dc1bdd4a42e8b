import { isFinished, type Job } from './job';

/**
 * Decides when a finished job deserves a system notification: it just became Done or Failed, and no
 * page of the extension is open to show it already. Canceled jobs never notify: the user did that.
 *
 * Memory is enough, no stored marker: the previous job list lives in the worker, and a worker restart
 * loses it, so the first call after a start only records. That loses nothing because a job finishes
 * only by a write of this very worker (the job runner), which it sees through its own storage watch
 * while it is alive. The one gap: a worker stopped between writing the last step and receiving its
 * change event. Chrome gives a worker ~30 s of idleness before stopping it, so in practice never.
 */

/** Jobs that were unfinished in `previous` and are Done or Failed in `next`. */
export function newlyFinished(previous: Job[], next: Job[]): Job[] {
  const wasRunning = new Set(previous.filter((job) => !isFinished(job)).map((job) => job.id));
  return next.filter((job) => wasRunning.has(job.id) && (job.phase === 'done' || job.phase === 'failed'));
}

/** What the notifier needs from the browser. */
export interface FinishNotifierDeps {
  notify(job: Job): Promise<void>;
  isAnyExtensionPageOpen(): Promise<boolean>;
}

/** Feed it every job list the store publishes, in order; it notifies about jobs that just finished. */
export interface FinishNotifier {
  onJobsChanged(jobs: Job[]): Promise<void>;
}

/** A notifier that remembers the last list it saw (see the module comment for worker restarts). */
export function createFinishNotifier(deps: FinishNotifierDeps): FinishNotifier {
  let previous: Job[] | undefined;
  return {
    async onJobsChanged(jobs) {
      // Swap synchronously, before any await, so back-to-back changes compare in order.
      const before = previous;
      previous = jobs;
      if (!before) return;
      const finished = newlyFinished(before, jobs);
      if (finished.length === 0) return;
      if (await deps.isAnyExtensionPageOpen()) return;
      const results = await Promise.allSettled(finished.map((job) => deps.notify(job)));
      for (const result of results) {
        if (result.status === 'rejected') console.warn('Edit with Kontext: could not show a notification.', result.reason);
      }
    },
  };
}
