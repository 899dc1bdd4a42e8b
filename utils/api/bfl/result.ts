import { z } from 'zod';
import type { Outcome, PredictionStatus } from '../prediction';

/** Every status BFL's `get_result` reports (API-NOTES.md); anything else is an unreadable answer. */
export const BflStatus = z.enum(['Pending', 'Ready', 'Request Moderated', 'Content Moderated', 'Error', 'Task not found']);
export type BflStatus = z.infer<typeof BflStatus>;

/** `POST /v1/flux-kontext-*` answer: the task id, the URL to poll (exactly as given) and its cost in credits. */
export const BflTask = z
  .looseObject({
    id: z.string().min(1),
    polling_url: z.url({ protocol: /^https?$/ }),
    cost: z.number().nonnegative().nullish().catch(undefined),
  })
  .transform(({ id, polling_url, cost }) => ({ id, pollingUrl: polling_url, ...(cost == null ? {} : { cost }) }));
export type BflTask = z.infer<typeof BflTask>;

/** One answer of the polling URL; only `status` is required (a "Task not found" carries little else). */
export const BflResult = z.looseObject({
  id: z.string().nullish().catch(undefined),
  status: BflStatus,
  // `result.sample` is the image URL once Ready; other fields (seed, duration…) are informative.
  result: z
    .looseObject({ sample: z.string().nullish().catch(undefined) })
    .nullish()
    .catch(undefined),
  progress: z.number().nullish().catch(undefined),
  details: z.unknown().optional(),
});
export type BflResult = z.infer<typeof BflResult>;

/** `GET /v1/credits`: the account's balance in credits. */
export const BflCredits = z.looseObject({ credits: z.number() }).transform(({ credits }) => ({ credits }));
export type BflCredits = z.infer<typeof BflCredits>;

/** The job machine's remote status for each BFL status (it speaks Replicate's vocabulary). */
export const BFL_REMOTE_STATUS: Record<BflStatus, PredictionStatus> = {
  Pending: 'processing',
  Ready: 'succeeded',
  'Request Moderated': 'failed',
  'Content Moderated': 'failed',
  Error: 'failed',
  'Task not found': 'failed',
};

/** How long BFL keeps a result (and its `result.sample` URL) after it is ready. */
export const BFL_RESULT_TTL_MS = 10 * 60_000;

export const BFL_REQUEST_MODERATED_MESSAGE =
  'Black Forest Labs refused this edit: the instruction or the input image was flagged by its moderation. Try a different image or instruction.';
export const BFL_CONTENT_MODERATED_MESSAGE =
  'Black Forest Labs withheld the result: the edited image was flagged by its moderation. Try a different instruction.';
export const BFL_TASK_NOT_FOUND_MESSAGE =
  'Black Forest Labs no longer knows this edit: its results are kept for only ten minutes. Retry to run it again.';
/** A downloaded result that is gone: BFL's sample URLs lapse ten minutes after the edit is ready. */
export const BFL_DATA_REMOVED_MESSAGE =
  'Black Forest Labs already deleted the result: its result links last only ten minutes. Retry runs the edit again.';
export const BFL_NO_SAMPLE_MESSAGE = 'Black Forest Labs reported the edit ready but gave no image.';
const BFL_ERROR_MESSAGE = 'Black Forest Labs could not make this edit';

/** Maps a polling answer to the outcome the job machine acts on. */
export function classifyBflResult(r: BflResult): Outcome {
  switch (r.status) {
    case 'Pending':
      return { kind: 'running' };
    case 'Ready': {
      const sample = r.result?.sample?.trim();
      return sample
        ? { kind: 'succeeded', urls: [sample] }
        : { kind: 'failed', reason: 'no-output', message: BFL_NO_SAMPLE_MESSAGE };
    }
    case 'Request Moderated':
      return { kind: 'failed', reason: 'moderated', message: BFL_REQUEST_MODERATED_MESSAGE };
    case 'Content Moderated':
      return { kind: 'failed', reason: 'moderated', message: BFL_CONTENT_MODERATED_MESSAGE };
    case 'Error': {
      const why = detailText(r.details);
      return { kind: 'failed', reason: 'model-error', message: why ? `${BFL_ERROR_MESSAGE}: ${why}` : `${BFL_ERROR_MESSAGE} (it gave no reason).` };
    }
    case 'Task not found':
      // Results expire ten minutes after they are ready; the edit cannot be fetched any more.
      return { kind: 'failed', reason: 'data-removed', message: BFL_TASK_NOT_FOUND_MESSAGE };
  }
}

// `details` is free-form: a string, or an object whose string values say why (capped for the UI).
function detailText(details: unknown): string {
  let text = '';
  if (typeof details === 'string') text = details;
  else if (details && typeof details === 'object') {
    text = Object.values(details as Record<string, unknown>)
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      .join('; ');
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
