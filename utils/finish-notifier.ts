import type { Job } from './job';

/**
 * Decides when a finished job deserves a system notification: it became Done or Failed (the job
 * machine then sets `announce`), and no page of the extension is open to show it already. Canceled
 * jobs never notify: the user did that.
 *
 * The mark is stored with the job, in the same write that finishes it, so a worker stopped before it
 * could react still announces the job on its next start. It is cleared after the notification is
 * shown; a stop between the two shows it again on the next start, under the same notification id, so
 * it replaces the first rather than adding a second.
 */

/** Jobs whose finish has not been announced yet. */
export function awaitingAnnouncement(jobs: Job[]): Job[] {
  return jobs.filter((job) => job.announce === true && (job.phase === 'done' || job.phase === 'failed'));
}

/** What the notifier needs from the browser and the job store. */
export interface FinishNotifierDeps {
  notify(job: Job): Promise<void>;
  isAnyExtensionPageOpen(): Promise<boolean>;
  /** Clears the `announce` mark of the job as it was announced (a no-op when it has changed since). */
  markAnnounced(job: Job): Promise<void>;
}

/** Feed it every job list the store publishes; it announces jobs that finished. */
export interface FinishNotifier {
  onJobsChanged(jobs: Job[]): Promise<void>;
}

export function createFinishNotifier(deps: FinishNotifierDeps): FinishNotifier {
  // Jobs being announced right now: the change events that arrive meanwhile still carry the mark.
  const inFlight = new Set<string>();
  return {
    async onJobsChanged(jobs) {
      const due = awaitingAnnouncement(jobs).filter((job) => !inFlight.has(job.id));
      if (due.length === 0) return;
      for (const job of due) inFlight.add(job.id);
      try {
        const pageOpen = await deps.isAnyExtensionPageOpen().catch(() => false);
        await Promise.all(due.map(async (job) => {
          if (!pageOpen) {
            try {
              await deps.notify(job);
            } catch (error) {
              console.warn('Edit with Kontext: could not show a notification.', error);
            }
          }
          await deps.markAnnounced(job);
        }));
      } finally {
        for (const job of due) inFlight.delete(job.id);
      }
    },
  };
}
