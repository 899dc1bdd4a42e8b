import { z } from 'zod';
import { describeHttpError } from './error-messages';

/** What went wrong, in terms the job machine and the UI branch on. */
export type ApiErrorKind =
  | 'unauthenticated'
  | 'insufficient-credit'
  | 'not-found'
  | 'invalid-input'
  | 'bad-request'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'unexpected';

/** One input the provider rejected (422 `invalid_fields`). */
export interface InvalidField {
  field: string;
  description: string;
}

/** Everything but the kind and the message is optional context. */
export interface ApiErrorInit {
  status?: number;
  detail?: string;
  retryAfterMs?: number;
  invalidFields?: InvalidField[];
  retryable?: boolean;
  mayHaveCreated?: boolean;
  cause?: unknown;
}

const TRANSIENT: ReadonlySet<ApiErrorKind> = new Set(['network', 'timeout', 'rate-limited', 'server']);

/**
 * A failed API call. `message` is written for the user. `retryable` means the same request may be
 * sent again as is. `mayHaveCreated` marks a create that failed after it was sent (network error,
 * timeout, 5xx, unreadable 2xx): a prediction may exist and bill, so look it up before creating again.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly detail?: string;
  readonly retryAfterMs?: number;
  readonly invalidFields?: InvalidField[];
  readonly retryable: boolean;
  readonly mayHaveCreated: boolean;

  constructor(kind: ApiErrorKind, message: string, init: ApiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.detail = init.detail;
    this.retryAfterMs = init.retryAfterMs;
    this.invalidFields = init.invalidFields;
    this.mayHaveCreated = init.mayHaveCreated ?? false;
    this.retryable = init.retryable ?? (TRANSIENT.has(kind) && !this.mayHaveCreated);
  }
}

/** True when `e` is an ApiError (also across bundles, where `instanceof` can fail). */
export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError || (e instanceof Error && e.name === 'ApiError' && 'kind' in e);
}

// Problem bodies are inconsistent between Replicate endpoints and proxies: every field optional.
const ProblemBody = z.looseObject({
  title: z.string().optional().catch(undefined),
  detail: z.string().optional().catch(undefined),
  invalid_fields: z
    .array(z.looseObject({ field: z.string().catch(''), description: z.string().catch('') }))
    .optional()
    .catch(undefined),
});

/**
 * Milliseconds to wait before retrying: the Retry-After header (seconds or HTTP date) when present,
 * else the "~30s" Replicate writes in `detail`, else undefined (the caller backs off with jitter).
 */
export function parseRetryAfter(header: string | null | undefined, detail?: string, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (value) {
    if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const match = detail?.match(/(?:~|\bin\s+)(\d+(?:\.\d+)?)\s*s(?:ec(?:ond)?s?)?\b/i);
  return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) * 1000);
}

/** Builds the ApiError for a non-2xx response; reads (and consumes) its body. */
export async function apiErrorFromResponse(res: Response, now: number = Date.now()): Promise<ApiError> {
  const raw = await res.text().catch(() => '');
  const problem = ProblemBody.safeParse(parseJson(raw));
  const body = problem.success ? problem.data : undefined;
  const detail = nonEmpty(body?.detail) ?? nonEmpty(body?.title) ?? readableText(raw);
  const invalidFields = body?.invalid_fields
    ?.map((f) => ({ field: f.field, description: f.description }))
    .filter((f) => f.field !== '' || f.description !== '');
  const retryAfterMs = res.status === 429 ? parseRetryAfter(res.headers.get('retry-after'), detail, now) : undefined;
  const { kind, message } = describeHttpError({ status: res.status, detail, retryAfterMs, invalidFields });
  return new ApiError(kind, message, {
    status: res.status,
    detail,
    retryAfterMs,
    invalidFields: invalidFields?.length ? invalidFields : undefined,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function nonEmpty(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

// Gateways answer 5xx with whole HTML pages: keep their <title>, or the text without tags, and cap it.
function readableText(raw: string): string | undefined {
  let text = raw;
  if (/^\s*</.test(raw)) {
    const title = raw.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1];
    text = title ?? raw.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
