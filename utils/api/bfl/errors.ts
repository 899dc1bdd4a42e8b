import { z } from 'zod';
import { ApiError, parseRetryAfter, type ApiErrorKind, type InvalidField } from '../errors';
import { kindForStatus, unexpectedMessage } from '../error-messages';

// BFL is a FastAPI service: `detail` is a string, or for 422 a list of `{loc, msg, type}`.
const BflProblem = z.looseObject({
  detail: z
    .union([
      z.string(),
      z.array(z.looseObject({ loc: z.array(z.union([z.string(), z.number()])).catch([]), msg: z.string().catch('') })),
    ])
    .optional()
    .catch(undefined),
});

/** Builds the ApiError for a non-2xx BFL response; reads (and consumes) its body. */
export async function bflErrorFromResponse(res: Response, now: number = Date.now()): Promise<ApiError> {
  const raw = await res.text().catch(() => '');
  const parsed = BflProblem.safeParse(parseJson(raw));
  const body = parsed.success ? parsed.data.detail : undefined;
  const invalidFields: InvalidField[] | undefined = Array.isArray(body)
    ? body.map((d) => ({ field: d.loc.filter((part) => part !== 'body').join('.'), description: d.msg }))
    : undefined;
  const detail = typeof body === 'string' ? body.trim() || undefined : invalidFields ? undefined : shortText(raw);
  const kind = kindForStatus(res.status);
  const retryAfterMs = res.status === 429 ? parseRetryAfter(res.headers.get('retry-after'), detail, now) : undefined;
  return new ApiError(kind, bflMessage(kind, res.status, detail, invalidFields, retryAfterMs), {
    status: res.status,
    detail,
    retryAfterMs,
    invalidFields: invalidFields?.length ? invalidFields : undefined,
  });
}

/** The user-facing message for a BFL HTTP error, by what the status means at BFL. */
export function bflMessage(
  kind: ApiErrorKind,
  status: number,
  detail: string | undefined,
  invalidFields: InvalidField[] | undefined,
  retryAfterMs: number | undefined,
): string {
  switch (kind) {
    case 'unauthenticated':
      return 'Black Forest Labs refused the API key. Check it on the options page.';
    case 'insufficient-credit':
      return 'Your Black Forest Labs account has no credits left. Buy credits in the BFL dashboard, then try again.';
    case 'rate-limited':
      // BFL throttles by tasks running at once, not by requests per minute: one must finish first.
      return retryAfterMs === undefined
        ? 'Black Forest Labs is already running as many of your edits as it allows: retrying when one finishes'
        : `Black Forest Labs is already running as many of your edits as it allows: retrying in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`;
    case 'not-found':
      return 'Not found at this Black Forest Labs base URL (check the base URL and model).';
    case 'invalid-input': {
      const fields = invalidFields?.filter((f) => f.field !== '') ?? [];
      if (fields.length === 0) return `Black Forest Labs rejected the input${detail ? `: ${detail}` : '.'}`;
      return `Black Forest Labs rejected ${fields.length === 1 ? 'this input' : 'these inputs'}: ${fields
        .map((f) => (f.description ? `${f.field} (${f.description})` : f.field))
        .join('; ')}`;
    }
    case 'bad-request':
      return `Black Forest Labs could not read the request (HTTP ${status})${detail ? `: ${detail}` : '.'}`;
    case 'server':
      return `Black Forest Labs had a problem (HTTP ${status}). Try again in a moment.`;
    default:
      return unexpectedMessage(status);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Gateways answer 5xx with HTML pages: keep their <title> or the bare text, capped.
function shortText(raw: string): string | undefined {
  const title = /^\s*</.test(raw) ? raw.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1] : undefined;
  const text = (title ?? raw.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
