import type { ApiErrorKind, InvalidField } from './errors';

/** What an HTTP error response said, already read from its body and headers. */
export interface HttpErrorFacts {
  status: number;
  detail?: string;
  retryAfterMs?: number;
  invalidFields?: InvalidField[];
}

/** The kind of an HTTP error status. */
export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401 || status === 403) return 'unauthenticated';
  if (status === 402) return 'insufficient-credit';
  if (status === 404) return 'not-found';
  if (status === 422) return 'invalid-input';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  if (status >= 400) return 'bad-request';
  return 'unexpected';
}

/** The kind and the user-facing message for an HTTP error response. */
export function describeHttpError(facts: HttpErrorFacts): { kind: ApiErrorKind; message: string } {
  const kind = kindForStatus(facts.status);
  return { kind, message: messageFor(kind, facts) };
}

function messageFor(kind: ApiErrorKind, { status, detail, retryAfterMs, invalidFields }: HttpErrorFacts): string {
  switch (kind) {
    case 'unauthenticated':
      return 'The API key was refused. Check it on the options page.';
    case 'insufficient-credit': {
      const link = billingLink(detail);
      return link
        ? `Your account has no credit left. Add credit at ${link}, then try again.`
        : "Your account has no credit left. Add credit on the provider's billing page, then try again.";
    }
    case 'not-found':
      return 'Not found at this API base URL (check the model name and base URL)';
    case 'invalid-input': {
      const fields = invalidFields?.filter((f) => f.field !== '') ?? [];
      if (fields.length === 0) return `The provider rejected the input${detail ? `: ${detail}` : '.'}`;
      const list = fields.map((f) => (f.description ? `${f.field} (${f.description})` : f.field)).join('; ');
      return `The provider rejected ${fields.length === 1 ? 'this input' : 'these inputs'}: ${list}`;
    }
    case 'bad-request':
      // "Failed to parse request body as JSON: EOF" is what an oversized data: URI produces.
      return status === 413 || /\bEOF\b|too large/i.test(detail ?? '')
        ? `The provider could not read the request (HTTP ${status}): the image is probably too large to send. Try a smaller image.`
        : `The provider could not read the request (HTTP ${status})${detail ? `: ${detail}` : '.'}`;
    case 'rate-limited':
      return retryAfterMs === undefined
        ? 'Rate limited: retrying shortly'
        : `Rate limited: retrying in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`;
    case 'server':
      return `The provider had a problem (HTTP ${status}). Try again in a moment.`;
    default:
      return unexpectedMessage(status);
  }
}

/** Message for a response the client cannot use (wrong shape, not JSON, odd status). */
export function unexpectedMessage(status: number): string {
  return `The API gave an answer this extension cannot read (HTTP ${status}). Check the API base URL.`;
}

/** Message for a request that never got an answer. */
export function networkMessage(origin: string): string {
  return `Could not reach ${origin}. Check your connection and the API base URL.`;
}

/** Message for a request that took too long. */
export const TIMEOUT_MESSAGE = 'The API took too long to answer.';

function billingLink(detail: string | undefined): string | undefined {
  return detail?.match(/https?:\/\/[^\s"'<>)]+/)?.[0].replace(/[.,;:]+$/, '');
}
