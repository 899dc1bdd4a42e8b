import { z } from 'zod';
import { isReplicateApi, normalizeBaseUrl } from './base-url';
import { ApiError } from './errors';
import { createTransport, type Send } from './http';
import { Prediction } from './prediction';
import { Account, PredictionList, UploadedFile } from './responses';

export { normalizeBaseUrl } from './base-url';

/** Where the API is and how to reach it; `fetch` and `now` are injected for tests. */
export interface ClientConfig {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Per-request deadline in ms (default 20 s); a create that waits gets its wait on top. */
  timeoutMs?: number;
  now?: () => number;
}

/** Options of one create call. */
export interface CreateOptions {
  /** Sync mode (`Prefer: wait=N`), clamped to 1..25: a fetch open 30 s gets the MV3 worker killed. */
  waitSeconds?: number;
  /** Server-side deadline (`Cancel-After`, e.g. "5m"; minimum 5 s). */
  cancelAfter?: string;
  signal?: AbortSignal;
}

/** The calls the extension makes to a Replicate-compatible API. */
export interface PredictionClient {
  createPrediction(model: string, input: Record<string, unknown>, opts?: CreateOptions): Promise<Prediction>;
  getPrediction(id: string, signal?: AbortSignal): Promise<Prediction>;
  cancelPrediction(id: string): Promise<Prediction>;
  /** The first page of the account's predictions, newest first. */
  listPredictions(): Promise<Prediction[]>;
  getAccount(): Promise<{ username: string; name?: string; type?: string }>;
  uploadFile(blob: Blob, filename: string): Promise<{ id: string; url: string }>;
}

export const MAX_WAIT_SECONDS = 25;
const DEFAULT_TIMEOUT_MS = 20_000;
// Time on top of the sync wait for the answer to travel back before the client gives up.
const WAIT_MARGIN_MS = 4_000;

/** Creates a client bound to one base URL and token. Throws if the base URL is not http(s). */
export function createPredictionClient(cfg: ClientConfig): PredictionClient {
  const baseUrl = normalizeBaseUrl(cfg.baseUrl);
  const token = cfg.token.trim();
  const timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const send: Send = createTransport({
    baseUrl,
    token,
    fetch: cfg.fetch ?? ((...args) => globalThis.fetch(...args)),
    now: cfg.now ?? Date.now,
  });
  const canFallBack = !isReplicateApi(baseUrl);
  // Set once a proxy has accepted `POST /predictions` after refusing the models route.
  let useVersionRoute = false;

  // Async so that argument checks thrown while building a request reject instead of throwing.
  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    if (token === '') throw missingTokenError();
    return call();
  };

  async function create(model: string, input: Record<string, unknown>, opts: CreateOptions): Promise<Prediction> {
    const [owner, name] = splitModel(model);
    const headers: Record<string, string> = {};
    const wait = clampWait(opts.waitSeconds);
    if (wait !== undefined) headers.Prefer = `wait=${wait}`;
    const cancelAfter = opts.cancelAfter?.trim();
    if (cancelAfter) headers['Cancel-After'] = cancelAfter;
    const common = {
      method: 'POST' as const,
      schema: Prediction,
      headers,
      signal: opts.signal,
      timeoutMs: Math.max(timeoutMs, (wait ?? 0) * 1000 + WAIT_MARGIN_MS),
    };
    const cleaned = withoutEmptyValues(input);
    const viaVersion = () =>
      send({ ...common, path: '/predictions', json: { version: `${owner}/${name}`, input: cleaned } });
    if (useVersionRoute) return viaVersion();
    try {
      return await send({ ...common, path: `/models/${seg(owner)}/${seg(name)}/predictions`, json: { input: cleaned } });
    } catch (e) {
      // Some proxies only implement the version route; a 404 means nothing was created, so one retry is safe.
      if (!(canFallBack && e instanceof ApiError && e.status === 404)) throw e;
    }
    const created = await viaVersion();
    useVersionRoute = true;
    return created;
  }

  return {
    createPrediction: (model, input, opts = {}) =>
      guarded(() => create(model, input, opts)).catch((e: unknown) => {
        throw markMayHaveCreated(e);
      }),
    getPrediction: (id, signal) =>
      guarded(() => send({ method: 'GET', path: `/predictions/${seg(id)}`, schema: Prediction, signal, timeoutMs })),
    cancelPrediction: (id) =>
      guarded(() => send({ method: 'POST', path: `/predictions/${seg(id)}/cancel`, schema: Prediction, timeoutMs })),
    listPredictions: () =>
      guarded(() => send({ method: 'GET', path: '/predictions', schema: PredictionList, timeoutMs })),
    getAccount: () => guarded(() => send({ method: 'GET', path: '/account', schema: Account, timeoutMs })),
    uploadFile: (blob, filename) =>
      guarded(() => {
        const form = new FormData();
        form.append('content', blob, filename);
        form.append('type', blob.type || 'application/octet-stream');
        form.append('metadata', '{}');
        return send({ method: 'POST', path: '/files', form, schema: UploadedFile, timeoutMs });
      }),
  };
}

/** `Prefer: wait` seconds, or undefined when the caller did not ask for sync mode. */
export function clampWait(seconds: number | undefined): number | undefined {
  if (seconds === undefined || !Number.isFinite(seconds)) return undefined;
  return Math.min(MAX_WAIT_SECONDS, Math.max(1, Math.round(seconds)));
}

/** The input without keys whose value is undefined, null or '' (an empty `input_image` is a 422). */
export function withoutEmptyValues(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

const ModelName = z.string().regex(/^[^/\s:]+\/[^/\s:]+$/);

function splitModel(model: string): [string, string] {
  if (!ModelName.safeParse(model).success) {
    throw new ApiError('bad-request', `The model name must look like "owner/name", not "${model}".`);
  }
  const [owner = '', name = ''] = model.split('/');
  return [owner, name];
}

// Ids come from the provider: encode them so no id can change the path the token is sent to.
function seg(value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new ApiError('bad-request', `Not a usable id: "${value}"`);
  }
  return encodeURIComponent(value);
}

function missingTokenError(): ApiError {
  return new ApiError('unauthenticated', 'No API key is set. Add it on the options page.');
}

// After the request left, a network error, timeout, 5xx or unreadable 2xx leaves the outcome unknown.
const UNKNOWN_OUTCOME: ReadonlySet<string> = new Set(['network', 'timeout', 'server', 'unexpected']);

function markMayHaveCreated(e: unknown): unknown {
  if (!(e instanceof ApiError) || !UNKNOWN_OUTCOME.has(e.kind)) return e;
  return new ApiError(e.kind, e.message, {
    status: e.status,
    detail: e.detail,
    retryAfterMs: e.retryAfterMs,
    invalidFields: e.invalidFields,
    mayHaveCreated: true,
    cause: e.cause,
  });
}
