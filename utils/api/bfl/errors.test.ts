import { describe, expect, it } from 'vitest';
import { fixtureResponse } from '../testing/fixtures';
import { bflErrorFromResponse } from './errors';
import { loadBflFixture } from './testing/fixtures';

const errorOf = (name: string, headers: Record<string, string> = {}) => {
  const f = loadBflFixture(name);
  return bflErrorFromResponse(fixtureResponse({ ...f, headers: { ...f.headers, ...headers } }), 0);
};

describe('bflErrorFromResponse', () => {
  it('treats 401 as a refused key, not retryable', async () => {
    const e = await errorOf('error-401');
    expect(e).toMatchObject({ kind: 'unauthenticated', status: 401, retryable: false, detail: 'Not authenticated - Invalid Authentication' });
    expect(e.message).toMatch(/refused the API key/);
  });

  it('treats 402 as an account out of credits, never retried', async () => {
    const e = await errorOf('error-402');
    expect(e).toMatchObject({ kind: 'insufficient-credit', retryable: false });
    expect(e.message).toMatch(/no credits left/);
  });

  it('treats 429 as too many tasks at once, retryable, with no hint by default', async () => {
    const e = await errorOf('error-429');
    expect(e).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: undefined });
    expect(e.message).toMatch(/as many of your edits as it allows: retrying when one finishes/);
  });

  it('honours a Retry-After header on 429', async () => {
    const e = await errorOf('error-429', { 'retry-after': '7' });
    expect(e.retryAfterMs).toBe(7000);
    expect(e.message).toMatch(/retrying in 7 s$/);
  });

  it('lists the fields of a FastAPI 422 without the "body" prefix', async () => {
    const e = await errorOf('error-422');
    expect(e.kind).toBe('invalid-input');
    expect(e.invalidFields?.map((f) => f.field)).toEqual(['output_format', 'safety_tolerance']);
    expect(e.message).toMatch(/^Black Forest Labs rejected these inputs: output_format \(Input should be/);
  });

  it('treats 404 as a wrong base URL or model', async () => {
    expect(await errorOf('error-404')).toMatchObject({ kind: 'not-found', detail: 'Not Found' });
  });

  it('keeps the title of a gateway HTML page and retries a 5xx', async () => {
    const e = await errorOf('error-503-html');
    expect(e).toMatchObject({ kind: 'server', retryable: true, detail: '503 Service Temporarily Unavailable' });
  });
});
