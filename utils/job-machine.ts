/**
 * The prediction job as a pure state machine: no browser, no fetch, no clock. Time, randomness and
 * results arrive as event fields, so each transition is one row of a table test.
 *
 *   acquiring ─ACQUIRED─▶ creating ─CREATED─▶ polling ─POLLED(succeeded)─▶ downloading ─DOWNLOADED─▶ done
 *       │                  │ ▲ CREATE_SENT      │ ▲ POLLED(running)            │ ▲
 *       │                  │ └ TRANSIENT ───────┘ └ TRANSIENT (backoff)        │ └ TRANSIENT
 *       │                  │   QUEUED (no free slot), THROTTLED (429: wait as told, no attempt counted)
 *       ▲                  │
 *       └──── TOO_LARGE ───┘ (request too large: prepare a smaller input, once)
 *       │                  │   RECOVERED / NOT_CREATED (after a lost answer)│
 *       ▼                  ▼                    ▼                              ▼
 *     failed ◀────────── FAILED, POLLED(failed), retries exhausted ─────────────┘
 *       │    canceled ◀── CANCEL_REQUESTED (before any request left) | POLLED(canceled) | CANCEL_FAILED
 *       └─RETRY─▶ polling (the prediction is still known) | creating | acquiring
 *
 * The runner persists the result of every transition before it starts the next slow step, so a
 * worker that dies anywhere resumes from storage. CREATE_SENT is persisted before the create request
 * leaves: finding it without a prediction id means "a prediction may exist", and the runner must look
 * for it (RECOVER) instead of creating a second, billed one.
 */
import { isFinished, type ImageFacts, type Job, type JobError, type RemoteStatus } from './job';

/** What the runner learned from one prediction response, already classified. */
export interface PredictionView {
  id: string;
  status: RemoteStatus;
  /** Set when the prediction has a usable output. */
  outputUrl?: string;
  /** Set when the prediction ended without a usable output. */
  failure?: JobError;
  predictTime?: number;
  /** What the provider says this request cost, in micro-dollars (Black Forest Labs answers its create with it). */
  costMicros?: number;
}

export type JobEvent =
  | { type: 'ACQUIRED'; image: ImageFacts }
  | { type: 'CREATE_SENT' }
  | { type: 'CREATED'; prediction: PredictionView }
  | { type: 'RECOVERED'; prediction: PredictionView }
  | { type: 'NOT_CREATED' }
  | { type: 'POLLED'; prediction: PredictionView }
  | { type: 'DOWNLOADED'; result: ImageFacts }
  | { type: 'TRANSIENT'; message: string; retryAfterMs?: number; jitter: number }
  /** The provider asked us to slow down: wait as told; not a failure, so no attempt is counted. */
  | { type: 'THROTTLED'; message: string; waitMs: number }
  /** The provider could not take a request that large (HTTP 400 "EOF" / 413): prepare a smaller input, once. */
  | { type: 'TOO_LARGE'; error: JobError }
  /** Waiting for a provider slot behind earlier jobs. */
  | { type: 'QUEUED'; ahead: number }
  | { type: 'FAILED'; error: JobError }
  | { type: 'CANCEL_REQUESTED' }
  | { type: 'CANCEL_SENT'; prediction: PredictionView }
  | { type: 'CANCEL_FAILED' }
  | { type: 'RETRY'; seed: number }
  /** The input is too large for a data URI and the endpoint takes no uploads: prepare it again, inline-sized. */
  | { type: 'INLINE_ONLY' };

/** How many transient failures in a row a step tolerates before the job fails (with Retry offered). */
export const MAX_TRANSIENT_ATTEMPTS = 8;
/** Longest wait between two attempts of one step. */
export const MAX_BACKOFF_MS = 30_000;

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … capped, each scaled by 0.5–1.0. */
export function backoffMs(attempts: number, jitter: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts);
  return Math.round(base * (0.5 + Math.min(Math.max(jitter, 0), 1) / 2));
}

/**
 * Delay before the next poll of a running prediction, growing with its age: Kontext usually takes
 * 5–15 s, and every GET echoes the whole input data URI back, so polling fast forever is wasteful.
 */
export function pollDelayMs(ageMs: number): number {
  if (ageMs < 10_000) return 1_000;
  if (ageMs < 30_000) return 2_000;
  if (ageMs < 120_000) return 4_000;
  return 10_000;
}

/** Error codes after which Retry can simply look at the same prediction again. */
const RESUMABLE: ReadonlySet<JobError['code']> = new Set(['network', 'server', 'rate-limited', 'unexpected', 'download']);

/** Applies one event to a job at time `now`; returns the next job record (the input is not changed). */
export function transition(job: Job, event: JobEvent, now: number): Job {
  const next = step(job, event, now);
  return next === job ? job : { ...next, updatedAt: now };
}

function step(job: Job, event: JobEvent, now: number): Job {
  if (event.type === 'RETRY') return retry(job, event.seed);
  if (isFinished(job)) return job;
  switch (event.type) {
    case 'ACQUIRED':
      if (job.phase !== 'acquiring') return job;
      return { ...job, phase: 'creating', image: event.image, attempts: 0, dueAt: undefined, notice: undefined };
    case 'CREATE_SENT':
      if (job.phase !== 'creating') return job;
      return { ...job, createSentAt: now, notice: undefined };
    case 'CREATED':
    case 'RECOVERED':
      if (job.phase !== 'creating') return job;
      return applyPrediction({ ...job, predictionId: event.prediction.id, attempts: 0 }, event.prediction, now);
    case 'NOT_CREATED':
      // The provider has no prediction from that request (refused, or lost before it arrived): creating is safe.
      // A step only runs once due, so a kept dueAt is past and delays nothing; it keeps the mark of a job told
      // to wait, which holds the queue behind it (job-queue.ts) until its next wait is stored.
      if (job.phase !== 'creating') return job;
      return { ...job, createSentAt: undefined };
    case 'POLLED':
      if (job.phase !== 'polling' || event.prediction.id !== job.predictionId) return job;
      return applyPrediction({ ...job, attempts: 0 }, event.prediction, now);
    case 'DOWNLOADED':
      if (job.phase !== 'downloading') return job;
      return {
        ...job, phase: 'done', result: event.result, completedAt: now, announce: true,
        dueAt: undefined, attempts: 0, notice: undefined, cancelRequested: false,
      };
    case 'TRANSIENT':
      return transient(job, event, now);
    case 'THROTTLED':
      return { ...job, dueAt: now + event.waitMs, notice: event.message };
    case 'TOO_LARGE':
      if (job.phase !== 'creating') return job;
      if (job.smallerInput) return fail(job, event.error);
      return {
        ...job, phase: 'acquiring', smallerInput: true, createSentAt: undefined, dueAt: undefined,
        notice: 'The image was too large for the provider; sending a smaller copy.',
      };
    case 'INLINE_ONLY':
      if (job.phase !== 'creating' || job.inlineInput) return job;
      return {
        ...job, phase: 'acquiring', inlineInput: true, createSentAt: undefined, dueAt: undefined,
        notice: 'This endpoint takes no file uploads; sending a smaller copy inline.',
      };
    case 'QUEUED': {
      if (job.phase !== 'creating' || job.createSentAt !== undefined) return job;
      const notice = `Waiting for ${event.ahead === 1 ? 'an earlier edit' : `${event.ahead} earlier edits`} to start.`;
      return job.notice === notice ? job : { ...job, notice };
    }
    case 'FAILED':
      return fail(job, event.error);
    case 'CANCEL_REQUESTED':
      return requestCancel(job, now);
    case 'CANCEL_SENT':
      return applyPrediction({ ...job, cancelRequested: false }, event.prediction, now);
    case 'CANCEL_FAILED':
      return { ...job, phase: 'canceled', cancelRequested: false, dueAt: undefined, completedAt: now };
  }
}

function applyPrediction(job: Job, prediction: PredictionView, now: number): Job {
  const base = {
    ...job, remoteStatus: prediction.status, predictTime: prediction.predictTime ?? job.predictTime, notice: undefined,
    reportedCostMicros: prediction.costMicros ?? job.reportedCostMicros,
  };
  if (prediction.failure) return fail(base, prediction.failure);
  if (prediction.outputUrl) {
    return { ...base, phase: 'downloading', outputUrl: prediction.outputUrl, dueAt: undefined };
  }
  if (prediction.status === 'canceled') {
    return { ...base, phase: 'canceled', cancelRequested: false, dueAt: undefined, completedAt: now };
  }
  const age = now - (job.createSentAt ?? job.createdAt);
  // A pending cancel goes out at once rather than after the next poll delay.
  return { ...base, phase: 'polling', dueAt: job.cancelRequested ? undefined : now + pollDelayMs(age) };
}

function transient(job: Job, event: Extract<JobEvent, { type: 'TRANSIENT' }>, now: number): Job {
  const attempts = job.attempts + 1;
  if (attempts > MAX_TRANSIENT_ATTEMPTS) {
    return fail(job, { code: job.phase === 'downloading' ? 'download' : 'network', message: `${event.message} Gave up after ${MAX_TRANSIENT_ATTEMPTS} attempts.` });
  }
  const wait = event.retryAfterMs ?? backoffMs(job.attempts, event.jitter);
  return { ...job, attempts, dueAt: now + wait, notice: event.message };
}

function fail(job: Job, error: JobError): Job {
  return { ...job, phase: 'failed', error, dueAt: undefined, notice: undefined, cancelRequested: false, announce: true };
}

function requestCancel(job: Job, now: number): Job {
  // Nothing has reached the provider yet: cancel locally at once.
  if (job.phase === 'acquiring' || (job.phase === 'creating' && job.createSentAt === undefined)) {
    return { ...job, phase: 'canceled', dueAt: undefined, completedAt: now, notice: undefined };
  }
  // The output exists and is billed: finishing the download is the useful thing left to do.
  if (job.phase === 'downloading') return job;
  return { ...job, cancelRequested: true, dueAt: undefined };
}

function retry(job: Job, seed: number): Job {
  if (job.phase !== 'failed' && job.phase !== 'canceled') return job;
  const fresh = {
    ...job, error: undefined, notice: undefined, attempts: 0, dueAt: undefined, cancelRequested: false,
    completedAt: undefined, announce: undefined,
  };
  if (job.phase === 'failed' && job.predictionId && job.error && RESUMABLE.has(job.error.code)) {
    return { ...fresh, phase: job.outputUrl ? 'downloading' : 'polling' };
  }
  return {
    ...fresh,
    phase: job.image ? 'creating' : 'acquiring',
    predictionId: undefined, remoteStatus: undefined, createSentAt: undefined, outputUrl: undefined,
    result: undefined, predictTime: undefined, reportedCostMicros: undefined,
    // A fresh seed per attempt, for a model that takes one (models/model-spec.ts seedInput).
    input: 'seed' in job.input ? { ...job.input, seed } : job.input,
  };
}

/** What the runner should do next for a job. */
export type NextAction =
  | { kind: 'none' }
  | { kind: 'wait'; until: number }
  | { kind: 'acquire' | 'create' | 'recover' | 'poll' | 'download' | 'cancel' };

/** Decides the next step for a job at time `now`. */
export function nextAction(job: Job, now: number): NextAction {
  if (isFinished(job)) return { kind: 'none' };
  if (job.dueAt !== undefined && job.dueAt > now) return { kind: 'wait', until: job.dueAt };
  if (job.cancelRequested && job.predictionId && job.phase === 'polling') return { kind: 'cancel' };
  switch (job.phase) {
    case 'acquiring':
      return { kind: 'acquire' };
    case 'creating':
      return { kind: job.createSentAt === undefined ? 'create' : 'recover' };
    case 'polling':
      return { kind: 'poll' };
    case 'downloading':
      return { kind: 'download' };
    default:
      return { kind: 'none' };
  }
}
