import { ApiError } from '../errors';
import { normalizeBaseUrl } from '../base-url';
import { createBflTransport } from './http';
import { bflBody, type BflModel } from './input';
import { BflCredits, BflResult, BflTask } from './result';

/** Where BFL's API is and the key to use; `fetch` and `now` are injected for tests. */
export interface BflClientConfig {
  baseUrl: string;
  key: string;
  fetch?: typeof fetch;
  /** Per-request deadline in ms (default 20 s). */
  timeoutMs?: number;
  now?: () => number;
}

/** The calls the extension makes to Black Forest Labs' API. There is no cancel and no task list. */
export interface BflClient {
  /** Starts an edit; `input` is the job's Replicate-style input (prompt, input_image, options). */
  createEdit(model: BflModel, input: Record<string, unknown>, signal?: AbortSignal): Promise<BflTask>;
  /** Polls the task at its `polling_url`, exactly as BFL gave it. */
  getResult(pollingUrl: string, signal?: AbortSignal): Promise<BflResult>;
  /** The balance; a 401/403 means a wrong key. */
  getCredits(): Promise<BflCredits>;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/** Creates a BFL client bound to one base URL and key. Throws if the base URL is not http(s). */
export function createBflClient(cfg: BflClientConfig): BflClient {
  const baseUrl = normalizeBaseUrl(cfg.baseUrl);
  const key = cfg.key.trim();
  const timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const send = createBflTransport({
    baseUrl,
    key,
    fetch: cfg.fetch ?? ((...args) => globalThis.fetch(...args)),
    now: cfg.now ?? Date.now,
  });
  // Async so a missing key rejects instead of throwing.
  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    if (key === '') throw new ApiError('unauthenticated', 'No API key is set. Add it on the options page.');
    return call();
  };

  return {
    createEdit: (model, input, signal) =>
      guarded(() =>
        send({ method: 'POST', target: `/${encodeURIComponent(model)}`, json: bflBody(input), schema: BflTask, signal, timeoutMs }),
      ).catch((e: unknown) => {
        throw markMayHaveCreated(e);
      }),
    getResult: (pollingUrl, signal) => guarded(() => send({ method: 'GET', target: pollingUrl, schema: BflResult, signal, timeoutMs })),
    getCredits: () => guarded(() => send({ method: 'GET', target: '/credits', schema: BflCredits, timeoutMs })),
  };
}

// After the request left, a network error, timeout, 5xx or unreadable 2xx leaves the outcome unknown:
// a task may exist and bill, so the job must not create again blindly.
const UNKNOWN_OUTCOME: ReadonlySet<string> = new Set(['network', 'timeout', 'server', 'unexpected']);

function markMayHaveCreated(e: unknown): unknown {
  if (!(e instanceof ApiError) || !UNKNOWN_OUTCOME.has(e.kind)) return e;
  return new ApiError(e.kind, e.message, { status: e.status, detail: e.detail, retryAfterMs: e.retryAfterMs, mayHaveCreated: true, cause: e.cause });
}
