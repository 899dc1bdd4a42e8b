import type { Job } from './job';
import { nextAction, transition, type JobEvent, type NextAction } from './job-machine';

/** One slow step of a job, performed against the outside world; it answers with the events that followed. */
export type StepKind = Exclude<NextAction['kind'], 'none' | 'wait'>;
export type Step = (job: Job, apply: (event: JobEvent) => Promise<boolean>) => Promise<JobEvent>;

export interface RunnerDeps {
  now: () => number;
  getJob: (id: string) => Promise<Job | undefined>;
  updateJob: (id: string, change: (job: Job) => Job) => Promise<Job | undefined>;
  steps: Record<StepKind, Step>;
  /** How many jobs must create before this one (0: its turn); see job-queue.ts. */
  jobsAhead: (job: Job) => Promise<number>;
}

/**
 * Drives jobs through the machine: read the stored record, decide, perform one step, store the
 * resulting event, repeat. Storage is the truth; the `active` set only stops one worker from running
 * the same job twice at once. A job found mid-step after a restart resumes from its stored phase.
 */
export function createJobRunner(deps: RunnerDeps) {
  const active = new Set<string>();

  /** Stores the event's effect; false when the job is gone or the event changed nothing. */
  async function apply(id: string, event: JobEvent): Promise<boolean> {
    let changed = false;
    const stored = await deps.updateJob(id, (job) => {
      const next = transition(job, event, deps.now());
      changed = next !== job;
      return next;
    });
    return stored !== undefined && changed;
  }

  async function advance(id: string): Promise<void> {
    if (active.has(id)) return;
    active.add(id);
    try {
      for (;;) {
        const job = await deps.getJob(id);
        if (!job) return;
        const action = nextAction(job, deps.now());
        // A waiting job is picked up again by the scheduler, which reads `dueAt` from storage.
        if (action.kind === 'none' || action.kind === 'wait') return;
        if (action.kind === 'create') {
          const ahead = await deps.jobsAhead(job);
          // Its turn comes when another job frees a slot: the background runs the queue again then.
          if (ahead > 0) return void (await apply(id, { type: 'QUEUED', ahead }));
        }
        const event = await deps.steps[action.kind](job, (e) => apply(id, e));
        // An event that changes nothing would make the loop repeat the same request forever.
        if (!(await apply(id, event))) return;
      }
    } finally {
      active.delete(id);
    }
  }

  return {
    /** Moves one job as far as it can go now. */
    advance,
    /** True while this worker is performing a step of the job. */
    isActive: (id: string) => active.has(id),
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
