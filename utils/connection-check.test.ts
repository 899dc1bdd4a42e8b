import { describe, expect, it, vi } from 'vitest';
import { testConnection } from './connection-check';
import { getDiagnostics } from './diagnostics';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('test connection', () => {
  it('names the account on success, asking /account at the configured base with the key', async () => {
    const fetchFn = vi.fn(async () => json(200, { type: 'user', username: 'kontext-tester', name: 'Kontext Tester' }));
    await expect(testConnection('https://proxy.example.com/v1/', 'r8_key', fetchFn)).resolves.toEqual({
      ok: true, username: 'kontext-tester', name: 'Kontext Tester',
    });
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://proxy.example.com/v1/account');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer r8_key');
  });

  it.each([
    ['a refused key', async () => json(401, { title: 'Unauthenticated', detail: 'You did not pass a valid authentication token', status: 401 }), /refused/],
    ['a proxy without /account', async () => json(404, { detail: 'Not found' }), /cannot verify keys/],
    ['an unreachable host', async () => Promise.reject(new TypeError('Failed to fetch')), /Could not reach proxy\.example\.com/],
  ])('explains %s', async (_name, answer, message) => {
    const result = await testConnection('https://proxy.example.com/v1', 'r8_key', vi.fn(answer));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) as string });
  });

  it('checks the fields before sending anything', async () => {
    const fetchFn = vi.fn();
    expect(await testConnection('not a url', 'r8_key', fetchFn)).toMatchObject({ ok: false });
    expect(await testConnection('https://api.replicate.com/v1', ' ', fetchFn)).toMatchObject({ ok: false, message: 'Enter your API key first.' });
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('records the exchange in the diagnostics log, without the key', async () => {
    const refuse = vi.fn(async () => json(401, { title: 'Unauthenticated', detail: 'You did not pass a valid authentication token', status: 401 }));
    await testConnection('https://api.replicate.com/v1', 'r8_typed_key_123', refuse);
    await vi.waitFor(async () => expect(await getDiagnostics()).toHaveLength(1));
    const [entry] = await getDiagnostics();
    expect(entry).toMatchObject({ method: 'GET', host: 'api.replicate.com', path: '/v1/account', status: 401, error: 'You did not pass a valid authentication token' });
    expect(JSON.stringify(entry)).not.toContain('r8_typed_key_123');
  });
});
