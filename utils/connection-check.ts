import { createBflClient } from './api/bfl/client';
import { bflBaseUrlFor } from './api/bfl/prediction-client';
import { createPredictionClient } from './api/client';
import { isApiError } from './api/errors';
import { appendDiagnostic } from './diagnostics';
import type { TestConnectionResult } from './messages';
import { createRecordingFetch, type RecordDiagnostic } from './recording-fetch';
import { BaseUrl, type Provider } from './settings';

/** What "Test connection" checks: the typed (maybe unsaved) provider, base URL and key. */
export interface ConnectionToTest {
  /** Absent: Replicate (a message from a page built before providers could be chosen). */
  provider?: Provider;
  baseUrl: string;
  apiKey: string;
}

/**
 * "Test connection". Replicate: `GET {base}/account` names the account; a proxy without /account
 * answers 404, which means the key cannot be verified there, not that it is wrong. Black Forest Labs:
 * `GET {base}/credits` (it has no account call) shows the balance. The exchange goes to the
 * diagnostics log, since a failing test is exactly what people report.
 */
export async function testConnection(
  { provider = 'replicate', baseUrl, apiKey }: ConnectionToTest,
  fetchFn: typeof fetch = (...args) => globalThis.fetch(...args),
  record: RecordDiagnostic = appendDiagnostic,
): Promise<TestConnectionResult> {
  const base = BaseUrl.safeParse(baseUrl);
  if (!base.success) return { ok: false, verified: false, message: base.error.issues[0]?.message ?? 'Invalid base URL.' };
  const token = apiKey.trim();
  if (!token) return { ok: false, verified: false, message: 'Enter your API key first.' };
  const fetch = createRecordingFetch(fetchFn, record);
  if (provider === 'bfl') {
    // As the job service does: Replicate's default base URL, left as it was, means BFL's own.
    const bflBase = bflBaseUrlFor(base.data);
    try {
      const { credits } = await createBflClient({ baseUrl: bflBase, key: token, fetch }).getCredits();
      return { ok: true, username: 'Black Forest Labs', credits };
    } catch (error) {
      return { ok: false, verified: false, message: describeBfl(error, new URL(bflBase).host) };
    }
  }
  try {
    const account = await createPredictionClient({ baseUrl: base.data, token, fetch }).getAccount();
    return { ok: true, username: account.username, name: account.name };
  } catch (error) {
    return { ok: false, verified: false, message: describe(error, new URL(base.data).host) };
  }
}

function unreachable(host: string): string {
  return `Could not reach ${host}. Check the API base URL and your connection (and, for a custom host, that access to it was allowed).`;
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
      return unreachable(host);
    default:
      return error.message;
  }
}

function describeBfl(error: unknown, host: string): string {
  if (!isApiError(error)) return `The test failed: ${String(error)}`;
  switch (error.kind) {
    case 'unauthenticated':
      return `Black Forest Labs refused the API key (${error.status ?? 401}). Check that you copied the whole key from dashboard.bfl.ai.`;
    case 'not-found':
      return `${host} has no Black Forest Labs credits endpoint (404). Check the API base URL: Black Forest Labs’ is https://api.bfl.ai/v1.`;
    case 'network':
    case 'timeout':
      return unreachable(host);
    default:
      return error.message;
  }
}
