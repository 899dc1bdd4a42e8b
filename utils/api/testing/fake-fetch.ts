import { fixtureResponse, loadFixture, type Fixture } from './fixtures';

/** What the fake answers to one call: a fixture (object or file name), a thrown error, or never. */
export type Reply = Fixture | string | { throws: unknown } | 'hang';

/** One request as the client sent it. */
export interface RecordedCall {
  url: string;
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON, FormData, or undefined. */
  body: unknown;
  init: RequestInit;
}

/**
 * A fetch that answers `replies` in order and records every call. A call beyond the script
 * rejects, so a test notices an unexpected extra request (e.g. a blind re-create).
 */
export function createFakeFetch(replies: Reply[]): { fetch: typeof fetch; calls: RecordedCall[] } {
  const queue = [...replies];
  const calls: RecordedCall[] = [];
  const fake = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body ?? undefined;
    calls.push({ url: String(input), method: init.method ?? 'GET', headers, body, init });
    const reply = queue.shift();
    if (reply === undefined) throw new Error(`Unscripted request: ${init.method ?? 'GET'} ${String(input)}`);
    if (reply === 'hang') return hang(init.signal);
    if (typeof reply === 'string') return fixtureResponse(loadFixture(reply));
    if ('throws' in reply) throw reply.throws;
    return fixtureResponse(reply);
  };
  return { fetch: fake as typeof fetch, calls };
}

// Like a real fetch that never answers: it rejects with the signal's reason once aborted.
function hang(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
