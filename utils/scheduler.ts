import { isFinished, type Job } from './job';

/** The one alarm that guarantees progress: it fires for the earliest due job, or as a watchdog. */
export const JOBS_ALARM = 'kontext-jobs';
/**
 * How soon to look again at a job that is mid-request. If the worker dies during the request, this
 * alarm restarts it (Chrome stops workers after ~30 s idle and when a fetch waits 30 s). Firing while
 * the worker lives is harmless: the runner skips jobs it is already working on, and `onAlarm` arms the
 * next watchdog (a fired alarm is spent). Chrome delays alarms of packed extensions to 30 s and Firefox
 * to 1 min, so this is a floor, not a promise.
 * https://developer.chrome.com/docs/extensions/reference/api/alarms
 */
export const WATCHDOG_MS = 10_000;

export interface SchedulerDeps {
  now: () => number;
  createAlarm: (name: string, when: number) => Promise<void> | void;
  clearAlarm: (name: string) => Promise<unknown> | void;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Called when a job is due while the worker is awake. */
  onDue: () => void;
}

/** When the next look is needed for these jobs, or undefined when all are finished. */
export function nextWakeAt(jobs: Job[], now: number): number | undefined {
  let earliest: number | undefined;
  for (const job of jobs) {
    if (isFinished(job)) continue;
    // A job past its due time is being worked on (the timer starts it at once): only the watchdog is needed.
    const at = job.dueAt !== undefined && job.dueAt > now ? job.dueAt : now + WATCHDOG_MS;
    earliest = earliest === undefined ? at : Math.min(earliest, at);
  }
  return earliest;
}

/**
 * Alarms guarantee, timers hurry: the alarm survives the worker (Chrome may delay it to 30 s), the
 * timer makes a poll due in 1 s happen in 1 s while the worker is awake.
 */
export function createScheduler(deps: SchedulerDeps) {
  let timer: unknown;

  const scheduler = {
    /** Re-arms the alarm and the timer from the stored jobs; call on every job change and at start. */
    async rearm(jobs: Job[]): Promise<void> {
      const now = deps.now();
      const at = nextWakeAt(jobs, now);
      if (timer !== undefined) deps.clearTimer(timer);
      timer = undefined;
      if (at === undefined) {
        await deps.clearAlarm(JOBS_ALARM);
        return;
      }
      await deps.createAlarm(JOBS_ALARM, Math.max(at, now + 1_000));
      const dueTimes = jobs.filter((job) => !isFinished(job) && job.dueAt !== undefined).map((job) => job.dueAt ?? now);
      // The timer waits for the soonest future wait; a job already past due (e.g. held back in the
      // queue) is looked at now, so it cannot take the timer from a wait still to come.
      const future = dueTimes.filter((due) => due > now);
      if (future.length > 0) {
        timer = deps.setTimer(() => {
          timer = undefined;
          deps.onDue();
        }, Math.min(...future) - now);
      }
      if (future.length < dueTimes.length) deps.onDue();
    },

    /**
     * The alarm fired: arm the next one, then resume the jobs. A fired alarm is spent, and a job whose
     * request is still in flight writes nothing that would re-arm it, so without this a worker stopped
     * after the alarm (Chrome stops one whose fetch waits 30 s) would have nothing left to restart it.
     */
    async onAlarm(jobs: Job[]): Promise<void> {
      await scheduler.rearm(jobs);
      deps.onDue();
    },
  };
  return scheduler;
}
