import { describe, expect, it } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { statusWord, type Job } from './job';
import {
  backoffMs, MAX_TRANSIENT_ATTEMPTS, nextAction, pollDelayMs, transition,
  type JobEvent, type PredictionView,
} from './job-machine';

const NOW = 10_000;
const image = { width: 800, height: 600, bytes: 120_000, type: 'image/jpeg' };
const running = (status: 'starting' | 'processing' = 'processing'): PredictionView => ({ id: 'p1', status });
const succeeded: PredictionView = { id: 'p1', status: 'succeeded', outputUrl: 'https://replicate.delivery/x/out.png', predictTime: 5.2 };
const moderated: PredictionView = {
  id: 'p1', status: 'failed', failure: { code: 'moderated', message: 'The provider refused this edit (E005).' },
};

type Row = [string, Partial<Job>, JobEvent, Partial<Job>];

const rows: Row[] = [
  ['acquired image moves to creating', {}, { type: 'ACQUIRED', image }, { phase: 'creating', image }],
  ['create-sent is recorded before the request leaves', { phase: 'creating', image, notice: 'Waiting for an earlier edit to start.' }, { type: 'CREATE_SENT' },
    { phase: 'creating', createSentAt: NOW, notice: undefined }],
  // job-queue.ts reads the kept dueAt: a retried create in flight holds back the jobs behind it.
  ['a retried create keeps its due time while in flight', { phase: 'creating', image, dueAt: NOW - 1, notice: 'Rate limited' }, { type: 'CREATE_SENT' },
    { phase: 'creating', createSentAt: NOW, dueAt: NOW - 1, notice: undefined }],
  ['a running prediction moves to polling with the id kept', { phase: 'creating', createSentAt: NOW }, { type: 'CREATED', prediction: running('starting') },
    { phase: 'polling', predictionId: 'p1', remoteStatus: 'starting', dueAt: NOW + 1_000 }],
  ['a create answered with the output goes straight to downloading', { phase: 'creating', createSentAt: NOW }, { type: 'CREATED', prediction: succeeded },
    { phase: 'downloading', predictionId: 'p1', outputUrl: succeeded.outputUrl, predictTime: 5.2 }],
  ['a recovered prediction is adopted, not re-created', { phase: 'creating', createSentAt: 5 }, { type: 'RECOVERED', prediction: running() },
    { phase: 'polling', predictionId: 'p1' }],
  ['a missed recovery clears the marker so creating is safe again', { phase: 'creating', createSentAt: 5 }, { type: 'NOT_CREATED' },
    { phase: 'creating', createSentAt: undefined }],
  // Between a retried create's 429 and its new wait, the jobs behind it must stay held (job-queue.ts).
  ['a refused retried create keeps its (past) due time', { phase: 'creating', createSentAt: 5, dueAt: NOW - 1 }, { type: 'NOT_CREATED' },
    { phase: 'creating', createSentAt: undefined, dueAt: NOW - 1 }],
  ['a poll that is still running schedules the next poll', { phase: 'polling', predictionId: 'p1', createSentAt: NOW - 20_000 }, { type: 'POLLED', prediction: running() },
    { phase: 'polling', remoteStatus: 'processing', dueAt: NOW + 2_000 }],
  ['a poll for another prediction is ignored', { phase: 'polling', predictionId: 'other' }, { type: 'POLLED', prediction: succeeded },
    { phase: 'polling', predictionId: 'other' }],
  ['moderation fails the job with its message', { phase: 'polling', predictionId: 'p1' }, { type: 'POLLED', prediction: moderated },
    { phase: 'failed', error: moderated.failure }],
  ['the provider canceling ends the job as canceled', { phase: 'polling', predictionId: 'p1' }, { type: 'POLLED', prediction: { id: 'p1', status: 'canceled' } },
    { phase: 'canceled', completedAt: NOW }],
  ['a downloaded result completes the job', { phase: 'downloading', predictionId: 'p1' }, { type: 'DOWNLOADED', result: image },
    { phase: 'done', result: image, completedAt: NOW }],
  ['a transient failure waits as the provider told', { phase: 'polling', predictionId: 'p1' }, { type: 'TRANSIENT', message: 'Rate limited', retryAfterMs: 30_000, jitter: 0.5 },
    { phase: 'polling', attempts: 1, dueAt: NOW + 30_000, notice: 'Rate limited' }],
  ['a transient failure backs off without a hint', { phase: 'polling', predictionId: 'p1', attempts: 2 }, { type: 'TRANSIENT', message: 'Network', jitter: 1 },
    { attempts: 3, dueAt: NOW + 4_000 }],
  ['a rate limit waits as told without counting an attempt', { phase: 'creating', attempts: MAX_TRANSIENT_ATTEMPTS }, { type: 'THROTTLED', message: 'Rate limited', waitMs: 20_000 },
    { phase: 'creating', attempts: MAX_TRANSIENT_ATTEMPTS, dueAt: NOW + 20_000, notice: 'Rate limited' }],
  ['a request too large for the provider prepares a smaller input once', { phase: 'creating', image }, { type: 'TOO_LARGE', error: { code: 'bad-request', message: 'Too large' } },
    { phase: 'acquiring', smallerInput: true, notice: 'The image was too large for the provider; sending a smaller copy.' }],
  ['a smaller input still too large fails the job', { phase: 'creating', image, smallerInput: true }, { type: 'TOO_LARGE', error: { code: 'bad-request', message: 'Too large' } },
    { phase: 'failed', error: { code: 'bad-request', message: 'Too large' } }],
  ['a job without a free slot says how many are ahead', { phase: 'creating' }, { type: 'QUEUED', ahead: 3 },
    { phase: 'creating', notice: 'Waiting for 3 earlier edits to start.' }],
  ['too many transient failures fail the job', { phase: 'polling', predictionId: 'p1', attempts: MAX_TRANSIENT_ATTEMPTS }, { type: 'TRANSIENT', message: 'Offline.', jitter: 0 },
    { phase: 'failed', error: { code: 'network', message: `Offline. Gave up after ${MAX_TRANSIENT_ATTEMPTS} attempts.` } }],
  ['a failure ends any unfinished phase', { phase: 'creating' }, { type: 'FAILED', error: { code: 'unauthenticated', message: 'Bad key' } },
    { phase: 'failed', error: { code: 'unauthenticated', message: 'Bad key' } }],
  ['cancel before anything was sent cancels at once', { phase: 'creating' }, { type: 'CANCEL_REQUESTED' }, { phase: 'canceled', completedAt: NOW }],
  ['cancel while running waits for the provider', { phase: 'polling', predictionId: 'p1', dueAt: NOW + 5_000 }, { type: 'CANCEL_REQUESTED' },
    { phase: 'polling', cancelRequested: true, dueAt: undefined }],
  ['cancel during download is ignored: the result is already paid for', { phase: 'downloading' }, { type: 'CANCEL_REQUESTED' },
    { phase: 'downloading', cancelRequested: false }],
  ['the provider confirming cancel ends the job', { phase: 'polling', predictionId: 'p1', cancelRequested: true }, { type: 'CANCEL_SENT', prediction: { id: 'p1', status: 'canceled' } },
    { phase: 'canceled', cancelRequested: false }],
  ['a cancel that arrived too late keeps the result', { phase: 'polling', predictionId: 'p1', cancelRequested: true }, { type: 'CANCEL_SENT', prediction: succeeded },
    { phase: 'downloading', cancelRequested: false }],
  ['a cancel request that definitely failed cancels locally', { phase: 'polling', predictionId: 'p1', cancelRequested: true }, { type: 'CANCEL_FAILED' },
    { phase: 'canceled' }],
  ['retry after a lost connection looks at the same prediction again', { phase: 'failed', predictionId: 'p1', image, error: { code: 'network', message: 'x' } }, { type: 'RETRY', seed: 7 },
    { phase: 'polling', predictionId: 'p1', error: undefined, input: expect.objectContaining({ seed: 42 }) as Job['input'] }],
  ['retry after a model failure creates anew with a new seed', { phase: 'failed', predictionId: 'p1', image, error: { code: 'moderated', message: 'x' }, reportedCostMicros: 40_000 }, { type: 'RETRY', seed: 7 },
    { phase: 'creating', predictionId: undefined, error: undefined, input: expect.objectContaining({ seed: 7 }) as Job['input'], reportedCostMicros: undefined }],
  ['retry when the image never arrived acquires it again', { phase: 'failed', error: { code: 'image', message: 'x' } }, { type: 'RETRY', seed: 7 },
    { phase: 'acquiring' }],
  ['finished jobs ignore late events', { phase: 'done' }, { type: 'POLLED', prediction: moderated }, { phase: 'done', error: undefined }],
];

describe('job machine transitions', () => {
  it.each(rows)('%s', (_name, from, event, expected) => {
    const next = transition(makeJob(from), event, NOW);
    // undefined in a row means "absent": checked one by one, since toMatchObject wants the key present.
    const present = Object.entries(expected).filter(([, value]) => value !== undefined);
    expect(next).toMatchObject(Object.fromEntries(present));
    for (const [key, value] of Object.entries(expected)) {
      if (value === undefined) expect(next[key as keyof Job]).toBeUndefined();
    }
  });

  it('stamps every change with the time and leaves the input record untouched', () => {
    const job = makeJob();
    const next = transition(job, { type: 'ACQUIRED', image }, NOW);
    expect(next.updatedAt).toBe(NOW);
    expect(job.phase).toBe('acquiring');
  });

  it('returns the same record when an event does not apply', () => {
    const job = makeJob({ phase: 'done' });
    expect(transition(job, { type: 'CANCEL_REQUESTED' }, NOW)).toBe(job);
  });

  it('returns the same record when a queued job is still just as far back', () => {
    const job = transition(makeJob({ phase: 'creating' }), { type: 'QUEUED', ahead: 1 }, NOW);
    expect(transition(job, { type: 'QUEUED', ahead: 1 }, NOW + 5)).toBe(job);
  });
});

describe('next action', () => {
  it.each<[string, Partial<Job>, ReturnType<typeof nextAction>]>([
    ['acquire a new job', {}, { kind: 'acquire' }],
    ['create once the image is ready', { phase: 'creating' }, { kind: 'create' }],
    ['recover, never re-create, after a create whose answer was lost', { phase: 'creating', createSentAt: 5 }, { kind: 'recover' }],
    ['wait until a poll is due', { phase: 'polling', predictionId: 'p1', dueAt: NOW + 500 }, { kind: 'wait', until: NOW + 500 }],
    ['poll when due', { phase: 'polling', predictionId: 'p1', dueAt: NOW }, { kind: 'poll' }],
    ['cancel once requested', { phase: 'polling', predictionId: 'p1', cancelRequested: true }, { kind: 'cancel' }],
    ['wait before retrying a cancel that failed for a passing reason', { phase: 'polling', predictionId: 'p1', cancelRequested: true, dueAt: NOW + 500 }, { kind: 'wait', until: NOW + 500 }],
    ['download a finished output', { phase: 'downloading' }, { kind: 'download' }],
    ['nothing for a finished job', { phase: 'failed' }, { kind: 'none' }],
  ])('%s', (_name, from, expected) => {
    expect(nextAction(makeJob(from), NOW)).toEqual(expected);
  });
});

describe('timing', () => {
  it('backs off exponentially with jitter and a cap', () => {
    expect(backoffMs(0, 1)).toBe(1_000);
    expect(backoffMs(0, 0)).toBe(500);
    expect(backoffMs(3, 1)).toBe(8_000);
    expect(backoffMs(20, 1)).toBe(30_000);
  });

  it('polls fast at first and slower as a prediction ages', () => {
    expect([0, 15_000, 60_000, 300_000].map(pollDelayMs)).toEqual([1_000, 2_000, 4_000, 10_000]);
  });
});

describe('status words', () => {
  it.each<[Partial<Job>, string]>([
    [{ phase: 'acquiring' }, 'Uploading'],
    [{ phase: 'creating' }, 'Starting'],
    [{ phase: 'polling', remoteStatus: 'starting' }, 'Starting'],
    [{ phase: 'polling', remoteStatus: 'processing' }, 'Processing'],
    [{ phase: 'downloading' }, 'Processing'],
    [{ phase: 'done' }, 'Done'],
    [{ phase: 'failed' }, 'Failed'],
    [{ phase: 'canceled' }, 'Canceled'],
  ])('%o reads %s', (from, word) => {
    expect(statusWord(makeJob(from))).toBe(word);
  });
});
