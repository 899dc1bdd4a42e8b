import type { z } from 'zod';
import { ApiError, apiErrorFromResponse } from './errors';
import { networkMessage, TIMEOUT_MESSAGE, unexpectedMessage } from './error-messages';

/** What the transport needs; the token only ever goes to `baseUrl`'s origin. */
export interface TransportConfig {
  baseUrl: string;
  token: string;
  fetch: typeof fetch;
  now: () => number;
}

/** One API call: a path under the base URL, a body, and the schema its 2xx answer must match. */
export interface ApiRequest<T> {
  method: 'GET' | 'POST';
  /** Starts with '/'; segments taken from data must already be encoded. */
  path: string;
  schema: z.ZodType<T>;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs: number;
}

/** Sends requests to the configured API and turns every failure into an ApiError. */
export type Send = <T>(req: ApiRequest<T>) => Promise<T>;

/** Creates the function every client call goes through. */
export function createTransport(cfg: TransportConfig): Send {
  const origin = new URL(cfg.baseUrl).origin;
  return async <T>(req: ApiRequest<T>): Promise<T> => {
    const url = `${cfg.baseUrl}${req.path}`;
    if (new URL(url).origin !== origin) throw new Error(`Refusing to send the API key outside ${origin}`);
    const headers: Record<string, string> = { ...req.headers, Authorization: `Bearer ${cfg.token}` };
    if (req.json !== undefined) headers['Content-Type'] = 'application/json';
    const body = req.json !== undefined ? JSON.stringify(req.json) : req.form;

    return withDeadline(req.timeoutMs, req.signal, async (signal) => {
      const res = await cfg.fetch(url, {
        method: req.method,
        headers,
        body,
        signal,
        // A redirect could carry the Authorization header to another host: refuse to follow any.
        redirect: 'error',
        credentials: 'omit',
      });
      if (!res.ok) throw await apiErrorFromResponse(res, cfg.now());
      return parseBody(res.status, await res.text(), req.schema);
    }).catch((e: unknown) => {
      throw toApiError(e, origin);
    });
  };
}

/** Parses a 2xx body with its schema; anything else is an 'unexpected' ApiError. */
export function parseBody<T>(status: number, text: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError('unexpected', unexpectedMessage(status), { status, detail: text.slice(0, 300) });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError('unexpected', unexpectedMessage(status), { status, detail: parsed.error.message.slice(0, 500) });
  }
  return parsed.data;
}

class DeadlineExceeded extends Error {}
class CallerAborted extends Error {}

// The deadline covers reading the body too: a poll echoes the input data: URI, which can be large.
export async function withDeadline<T>(ms: number, outer: AbortSignal | undefined, run: (s: AbortSignal) => Promise<T>): Promise<T> {
  if (outer?.aborted) throw new CallerAborted('aborted', { cause: outer.reason });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The API took too long to answer', 'TimeoutError'));
  }, ms);
  const forward = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', forward, { once: true });
  try {
    return await run(controller.signal);
  } catch (e) {
    if (timedOut) throw new DeadlineExceeded('deadline', { cause: e });
    if (outer?.aborted) throw new CallerAborted('aborted', { cause: outer.reason });
    throw e;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}

// The caller's own abort reason is passed through untouched (it knows why), unless it is a timeout
// (AbortSignal.timeout); everything else becomes an ApiError.
export function toApiError(e: unknown, origin: string): unknown {
  if (e instanceof ApiError) return e;
  if (e instanceof CallerAborted && !isTimeoutReason(e.cause)) return e.cause;
  if (e instanceof DeadlineExceeded || e instanceof CallerAborted || isTimeoutReason(e)) {
    return new ApiError('timeout', TIMEOUT_MESSAGE, { cause: e });
  }
  return new ApiError('network', networkMessage(origin), { cause: e, detail: e instanceof Error ? e.message : String(e) });
}

function isTimeoutReason(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'TimeoutError';
}
