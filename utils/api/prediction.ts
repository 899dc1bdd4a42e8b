import { z } from 'zod';

/** Every status a prediction can report; the last four are terminal. */
export const PredictionStatus = z.enum(['starting', 'processing', 'succeeded', 'failed', 'canceled', 'aborted']);
export type PredictionStatus = z.infer<typeof PredictionStatus>;

// Proxies vary in the fields they echo and their types: a malformed optional field is dropped
// (`catch`) rather than failing the whole poll. Only `id` and `status` are required, because the
// job machine cannot act without them.
const optionalString = z.string().nullish().catch(undefined);

/** A prediction as returned by create, get, cancel and list; unknown extra fields are kept. */
export const Prediction = z.looseObject({
  id: z.string().min(1),
  status: PredictionStatus,
  model: optionalString,
  version: optionalString,
  input: z.record(z.string(), z.unknown()).nullish().catch(undefined),
  output: z.unknown().optional(),
  error: z.unknown().optional(),
  logs: optionalString,
  created_at: optionalString,
  started_at: optionalString,
  completed_at: optionalString,
  data_removed: z.boolean().nullish().catch(undefined),
  metrics: z.looseObject({ predict_time: z.number().optional().catch(undefined) }).nullish().catch(undefined),
  urls: z
    .looseObject({ get: optionalString, cancel: optionalString, web: optionalString, stream: optionalString })
    .nullish()
    .catch(undefined),
});
export type Prediction = z.infer<typeof Prediction>;

const TERMINAL: ReadonlySet<PredictionStatus> = new Set(['succeeded', 'failed', 'canceled', 'aborted']);

/** True once the provider will not change the prediction any more. */
export function isTerminal(status: PredictionStatus): boolean {
  return TERMINAL.has(status);
}

/** The output as a list of URLs (https: or data:); flux-kontext returns one string, other models an array. */
export function outputUrls(p: Pick<Prediction, 'output'>): string[] {
  const values: unknown[] = Array.isArray(p.output) ? p.output : [p.output];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

/** Why a finished prediction gave the user no image. */
export type FailureReason = 'moderated' | 'model-error' | 'no-output' | 'data-removed' | 'aborted';

/** What the job machine should do with a prediction, in the user's terms. */
export type Outcome =
  | { kind: 'running' }
  | { kind: 'succeeded'; urls: string[] }
  | { kind: 'failed'; reason: FailureReason; message: string }
  | { kind: 'canceled' };

export const MODERATED_MESSAGE =
  'The provider refused this edit: the image or instruction was flagged as sensitive (E005). Try a different image or instruction.';
export const ABORTED_MESSAGE = 'The edit did not start before its deadline';
export const NO_OUTPUT_MESSAGE = 'The provider reported success but returned no image.';
export const DATA_REMOVED_MESSAGE =
  'The provider already deleted the result (API results are kept for about an hour).';
const UNKNOWN_FAILURE_MESSAGE = 'The model failed without giving a reason.';

// Moderation arrives as free text, sometimes wrapped in a longer message ("Prediction failed: ...").
const MODERATION = /\bE005\b|flagged as sensitive/i;

/** Maps a prediction to the outcome the job machine acts on. */
export function classifyPrediction(p: Prediction): Outcome {
  const urls = outputUrls(p);
  switch (p.status) {
    case 'starting':
      // A sync create whose wait ran out says `starting` while the job runs on: keep polling.
      return { kind: 'running' };
    case 'processing':
      // Sync mode may answer `processing` with the output already there: that edit is done.
      return urls.length > 0 ? { kind: 'succeeded', urls } : { kind: 'running' };
    case 'succeeded':
      if (urls.length > 0) return { kind: 'succeeded', urls };
      if (p.data_removed) return { kind: 'failed', reason: 'data-removed', message: DATA_REMOVED_MESSAGE };
      return { kind: 'failed', reason: 'no-output', message: NO_OUTPUT_MESSAGE };
    case 'failed': {
      const text = errorText(p.error);
      if (MODERATION.test(text)) return { kind: 'failed', reason: 'moderated', message: MODERATED_MESSAGE };
      return { kind: 'failed', reason: 'model-error', message: text || UNKNOWN_FAILURE_MESSAGE };
    }
    case 'canceled':
      return { kind: 'canceled' };
    case 'aborted':
      // Both official clients treat `aborted` as still running and poll forever; it is final.
      return { kind: 'failed', reason: 'aborted', message: ABORTED_MESSAGE };
  }
}

/** The provider's error as text: a string, or the message inside an object some proxies send. */
function errorText(error: unknown): string {
  if (typeof error === 'string') return error.trim();
  if (error === null || error === undefined) return '';
  if (typeof error === 'object') {
    const record = error as Record<string, unknown>;
    for (const key of ['message', 'detail', 'error', 'title']) {
      const value = record[key];
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
    }
  }
  return JSON.stringify(error);
}
