import type { DiagnosticEntry } from './diagnostics';
import { safePath, scrubErrorText } from './diagnostics-scrub';

/** Where a recording fetch sends each exchange (e.g. appendDiagnostic). */
export type RecordDiagnostic = (entry: DiagnosticEntry) => Promise<void> | void;

/**
 * Wraps `inner` so every exchange is recorded for the diagnostics log: method, host, path, status and
 * time to the response headers, plus for failures a short scrubbed reason (the provider's problem
 * detail, or the network error). It never records headers or the request body, and it never changes
 * what the caller gets: the same Response object, the same thrown error, even when recording fails.
 */
export function createRecordingFetch(inner: typeof fetch, record: RecordDiagnostic, now: () => number = Date.now): typeof fetch {
  return async (input, init) => {
    const started = now();
    const request = describeRequest(input, init);
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      const elapsed = now() - started;
      safely(() => ({ ...request.fields(started, elapsed, null), error: scrubErrorText(errorText(error), request.secrets) }), record);
      throw error;
    }
    const elapsed = now() - started;
    if (response.ok) {
      safely(() => request.fields(started, elapsed, response.status), record);
    } else {
      // A clone, so the caller still reads the whole body; read after we return, so nothing waits on us.
      const copy = tryClone(response);
      void readProblem(copy).then((problem) =>
        safely(() => ({ ...request.fields(started, elapsed, response.status), error: scrubErrorText(problem ?? '', request.secrets) }), record),
      );
    }
    return response;
  };
}

interface RequestFacts {
  fields: (at: number, ms: number, status: number | null) => DiagnosticEntry;
  /** The bearer token sent, so an error text that echoes it can be scrubbed; never recorded. */
  secrets: string[];
}

function describeRequest(input: RequestInfo | URL, init: RequestInit | undefined): RequestFacts {
  try {
    return readRequest(input, init);
  } catch {
    return { secrets: [], fields: (at, ms, status) => ({ at, method: 'FETCH', host: '', path: '(unreadable request)', status, ms: Math.max(0, ms) }) };
  }
}

function readRequest(input: RequestInfo | URL, init: RequestInit | undefined): RequestFacts {
  const isRequest = typeof Request !== 'undefined' && input instanceof Request;
  const rawUrl = isRequest ? input.url : String(input);
  const method = (init?.method ?? (isRequest ? input.method : 'GET')).toUpperCase();
  const token = bearerToken(init?.headers ?? (isRequest ? input.headers : undefined));
  const secrets = token ? [token] : [];
  let host = '';
  let path = '';
  try {
    const url = new URL(rawUrl);
    host = url.host;
    path = safePath(url, secrets);
  } catch {
    path = '(unparsable URL)';
  }
  return { secrets, fields: (at, ms, status) => ({ at, method, host, path, status, ms: Math.max(0, ms) }) };
}

/** The key a request carries: Replicate's Bearer token, or Black Forest Labs' `x-key`. */
function bearerToken(headers: HeadersInit | undefined): string | undefined {
  if (!headers) return undefined;
  try {
    const all = new Headers(headers);
    const value = all.get('authorization') ?? '';
    return /^Bearer\s+(.+)$/i.exec(value.trim())?.[1] ?? (all.get('x-key')?.trim() || undefined);
  } catch {
    return undefined;
  }
}

function tryClone(response: Response): Response | undefined {
  try {
    return response.clone();
  } catch {
    return undefined;
  }
}

// Problem bodies (RFC 7807-like): detail, else title, else the start of whatever text came back.
async function readProblem(copy: Response | undefined): Promise<string | undefined> {
  if (!copy) return undefined;
  let text: string;
  try {
    text = await copy.text();
  } catch {
    return undefined;
  }
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object') {
      const { detail, title } = body as { detail?: unknown; title?: unknown };
      if (typeof detail === 'string' && detail.trim()) return detail;
      if (typeof title === 'string' && title.trim()) return title;
    }
  } catch {
    // Not JSON: an HTML error page from a proxy, say. Its start is still informative.
  }
  return text.slice(0, 2_000);
}

function errorText(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) {
    return error.message && error.message !== error.name ? `${error.name}: ${error.message}` : error.name;
  }
  return String(error);
}

// Building or storing the entry must never reach the caller: diagnostics are best effort.
function safely(build: () => DiagnosticEntry, record: RecordDiagnostic): void {
  try {
    const entry = build();
    if (entry.error === undefined) delete entry.error;
    void Promise.resolve(record(entry)).catch(() => undefined);
  } catch {
    // Ignored on purpose: see above.
  }
}
