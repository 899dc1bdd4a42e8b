import { isApiError, type ApiError } from './api/errors';
import { BFL_DATA_REMOVED_MESSAGE } from './api/bfl/result';
import { classifyPrediction, DATA_REMOVED_MESSAGE, outputUrls, type Prediction } from './api/prediction';
import { isImageError } from './image/errors';
import type { JobError, JobErrorCode } from './job';
import type { JobEvent, PredictionView } from './job-machine';
import type { Provider } from './settings';

/** Turns a provider response into what the job machine needs to know about it. */
export function toPredictionView(prediction: Prediction): PredictionView {
  const outcome = classifyPrediction(prediction);
  const view: PredictionView = {
    id: prediction.id,
    status: prediction.status,
    predictTime: prediction.metrics?.predict_time,
  };
  if (outcome.kind === 'succeeded') view.outputUrl = outputUrls(prediction)[0];
  if (outcome.kind === 'failed') view.failure = { code: outcome.reason, message: outcome.message };
  return view;
}

const CODE_OF_KIND: Record<ApiError['kind'], JobErrorCode> = {
  unauthenticated: 'unauthenticated',
  'insufficient-credit': 'insufficient-credit',
  'not-found': 'not-found',
  'invalid-input': 'invalid-input',
  'bad-request': 'bad-request',
  'rate-limited': 'rate-limited',
  server: 'server',
  network: 'network',
  timeout: 'network',
  unexpected: 'unexpected',
};

/** What a job says when the browser refused to store its pictures: nothing was dropped, and how to go on. */
export const STORAGE_FULL_MESSAGE =
  'Storage is full, so this edit\'s picture could not be kept. Export your history (Settings → History and storage) and delete older edits, then Retry soon: a finished result stays at the provider for an hour (ten minutes at Black Forest Labs).';

/**
 * True for the browser refusing a write because the extension's storage is full: IndexedDB rejects
 * with a DOMException named QuotaExceededError (Firefox before 2020: NS_ERROR_DOM_QUOTA_REACHED).
 * https://developer.mozilla.org/en-US/docs/Web/API/Storage_API/Storage_quotas_and_eviction_criteria#when_quota_is_exceeded
 */
export function isQuotaExceeded(error: unknown): boolean {
  // By name, not class: idb rejects with the transaction's error, whose class depends on the realm.
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Why a result the provider deleted cannot be downloaded, with that provider's keeping time (an hour at Replicate, ten minutes at BFL). */
export function dataRemovedMessage(provider: Provider | undefined): string {
  return provider === 'bfl' ? BFL_DATA_REMOVED_MESSAGE : DATA_REMOVED_MESSAGE;
}

/** The job failure an error stands for, with a message for people. */
export function toJobError(error: unknown): JobError {
  // 'download' is resumable (job-machine.ts): Retry fetches the same output again, with no new prediction.
  if (isQuotaExceeded(error)) return { code: 'download', message: STORAGE_FULL_MESSAGE };
  if (isApiError(error)) return { code: CODE_OF_KIND[error.kind], message: error.message };
  if (isImageError(error)) return { code: 'image', message: error.message };
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected', message: `Something unexpected went wrong: ${text}` };
}

/** True for the provider's way of refusing a body too large to read (400 "…JSON: EOF", or 413). */
export function isRequestTooLarge(error: unknown): boolean {
  return isApiError(error) && error.kind === 'bad-request' && (error.status === 413 || /\bEOF\b|too large/i.test(error.detail ?? ''));
}

/**
 * The event a failed request leads to: a passing failure is retried later (waiting as long as the
 * provider asked), anything else fails the job with its message.
 */
export function eventForError(error: unknown, jitter: number): JobEvent {
  if (isApiError(error) && error.kind === 'rate-limited') {
    // Without a hint, 5–10 s: Replicate's throttling windows are seconds long.
    return { type: 'THROTTLED', message: error.message, waitMs: error.retryAfterMs ?? Math.round(5_000 + jitter * 5_000) };
  }
  if (isApiError(error) && error.retryable) {
    return { type: 'TRANSIENT', message: error.message, retryAfterMs: error.retryAfterMs, jitter };
  }
  return { type: 'FAILED', error: toJobError(error) };
}
