import type { z } from 'zod';
import { ApiError } from '../errors';
import { parseBody, toApiError, withDeadline } from '../http';
import { bflErrorFromResponse } from './errors';

/** What the BFL transport needs; the key only goes to the base URL's origin or its sibling API hosts. */
export interface BflTransportConfig {
  baseUrl: string;
  key: string;
  fetch: typeof fetch;
  now: () => number;
}

/** One BFL call: a path under the base URL or an absolute polling URL, and the schema of its 2xx answer. */
export interface BflRequest<T> {
  method: 'GET' | 'POST';
  /** A path starting with '/' (under the base URL), or an absolute URL BFL gave us. */
  target: string;
  schema: z.ZodType<T>;
  json?: unknown;
  signal?: AbortSignal;
  timeoutMs: number;
}

export type BflSend = <T>(req: BflRequest<T>) => Promise<T>;

/**
 * True when the `x-key` may go to `url`: the base URL's own origin, or https on a host under the
 * same parent domain (api.bfl.ai hands out polling URLs on regional hosts such as api.us1.bfl.ai).
 */
export function mayReceiveKey(baseUrl: string, url: string): boolean {
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.origin === base.origin) return true;
  const parent = base.hostname.split('.').slice(1).join('.');
  // A one-label parent ("ai") or an IP address would let any host through.
  if (!parent.includes('.') || /^[\d.]+$/.test(base.hostname)) return false;
  return target.protocol === 'https:' && base.protocol === 'https:' && target.hostname.endsWith(`.${parent}`);
}

/** Creates the function every BFL call goes through; every failure becomes an ApiError. */
export function createBflTransport(cfg: BflTransportConfig): BflSend {
  return async <T>(req: BflRequest<T>): Promise<T> => {
    const url = req.target.startsWith('/') ? `${cfg.baseUrl}${req.target}` : req.target;
    if (!mayReceiveKey(cfg.baseUrl, url)) {
      throw new ApiError('unexpected', `Refusing to send the API key to ${safeOrigin(url)}: it is not a Black Forest Labs API host.`);
    }
    const headers: Record<string, string> = { 'x-key': cfg.key, accept: 'application/json' };
    if (req.json !== undefined) headers['Content-Type'] = 'application/json';
    return withDeadline(req.timeoutMs, req.signal, async (signal) => {
      const res = await cfg.fetch(url, {
        method: req.method,
        headers,
        body: req.json === undefined ? undefined : JSON.stringify(req.json),
        signal,
        // A redirect could carry the key to another host: refuse to follow any.
        redirect: 'error',
        credentials: 'omit',
      });
      if (!res.ok) throw await bflErrorFromResponse(res, cfg.now());
      return parseBody(res.status, await res.text(), req.schema);
    }).catch((e: unknown) => {
      throw toApiError(e, safeOrigin(url));
    });
  };
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid URL';
  }
}
