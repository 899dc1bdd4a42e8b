// Helpers of the BFL double's own tests.
import type { Json } from '../test-helpers';
import type { BflDouble } from './types';

/** Key with credit in the default key set. */
export const BFL_VALID = 'bfl_test_valid';

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 10, 26, 12)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** Calls the double's API with the valid key unless headers say otherwise; `path` may be absolute. */
export async function bfl(
  double: BflDouble,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = { 'x-key': BFL_VALID, 'content-type': 'application/json', ...init.headers };
  const url = /^https?:/.test(path) ? path : `${double.apiUrl}${path}`;
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const response = await fetch(url, { method: body ? 'POST' : 'GET', headers, body });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // Non-JSON bodies stay text.
  }
  return { status: response.status, json };
}
