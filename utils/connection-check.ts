import { createPredictionClient } from './api/client';
import { isApiError } from './api/errors';
import { appendDiagnostic } from './diagnostics';
import type { TestConnectionResult } from './messages';
import { createRecordingFetch, type RecordDiagnostic } from './recording-fetch';
import { BaseUrl } from './settings';

/**
 * "Test connection": asks `GET {base}/account` with the typed key. A proxy without /account answers
 * 404, which means the key cannot be verified there, not that it is wrong. The exchange goes to the
 * diagnostics log, since a failing test is exactly what people report.
 */
export async function testConnection(
  baseUrl: string,
  apiKey: string,
  fetchFn: typeof fetch = (...args) => globalThis.fetch(...args),
  record: RecordDiagnostic = appendDiagnostic,
): Promise<TestConnectionResult> {
  const base = BaseUrl.safeParse(baseUrl);
  if (!base.success) return { ok: false, verified: false, message: base.error.issues[0]?.message ?? 'Invalid base URL.' };
  const token = apiKey.trim();
  if (!token) return { ok: false, verified: false, message: 'Enter your API key first.' };
  try {
    const account = await createPredictionClient({ baseUrl: base.data, token, fetch: createRecordingFetch(fetchFn, record) }).getAccount();
    return { ok: true, username: account.username, name: account.name };
  } catch (error) {
    return { ok: false, verified: false, message: describe(error, new URL(base.data).host) };
  }
}

function describe(error: unknown, host: string): string {
  if (!isApiError(error)) return `The test failed: ${String(error)}`;
  switch (error.kind) {
    case 'unauthenticated':
      return 'The API key was refused (401). Check that you copied the whole token.';
    case 'not-found':
      return 'This endpoint cannot verify keys (it has no /account). The key may still work: save it and try an edit.';
    case 'network':
    case 'timeout':
      return `Could not reach ${host}. Check the API base URL and your connection (and, for a custom host, that access to it was allowed).`;
    default:
      return error.message;
  }
}
