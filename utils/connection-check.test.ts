import { describe, expect, it, vi } from 'vitest';
import { testConnection } from './connection-check';
import { getDiagnostics } from './diagnostics';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('test connection', () => {
  it('names the account on success, asking /account at the configured base with the key', async () => {
    const fetchFn = vi.fn(async () => json(200, { type: 'user', username: 'kontext-tester', name: 'Kontext Tester' }));
    await expect(testConnection({ baseUrl: 'https://proxy.example.com/v1/', apiKey: 'r8_key' }, fetchFn)).resolves.toEqual({
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
    const result = await testConnection({ baseUrl: 'https://proxy.example.com/v1', apiKey: 'r8_key' }, vi.fn(answer));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) as string });
  });

  it('checks the fields before sending anything', async () => {
    const fetchFn = vi.fn();
    expect(await testConnection({ baseUrl: 'not a url', apiKey: 'r8_key' }, fetchFn)).toMatchObject({ ok: false });
    expect(await testConnection({ baseUrl: 'https://api.replicate.com/v1', apiKey: ' ' }, fetchFn)).toMatchObject({ ok: false, message: 'Enter your API key first.' });
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('records the exchange in the diagnostics log, without the key', async () => {
    const refuse = vi.fn(async () => json(401, { title: 'Unauthenticated', detail: 'You did not pass a valid authentication token', status: 401 }));
    await testConnection({ baseUrl: 'https://api.replicate.com/v1', apiKey: 'r8_typed_key_123' }, refuse);
    await vi.waitFor(async () => expect(await getDiagnostics()).toHaveLength(1));
    const [entry] = await getDiagnostics();
    expect(entry).toMatchObject({ method: 'GET', host: 'api.replicate.com', path: '/v1/account', status: 401, error: 'You did not pass a valid authentication token' });
    expect(JSON.stringify(entry)).not.toContain('r8_typed_key_123');
  });

  describe('with Black Forest Labs', () => {
    it('shows the credits, asking /credits with the key in x-key (no Bearer token)', async () => {
      const fetchFn = vi.fn(async () => json(200, { credits: 123.4 }));
      await expect(testConnection({ provider: 'bfl', baseUrl: 'https://api.bfl.ai/v1', apiKey: 'bfl_key' }, fetchFn)).resolves.toEqual({
        ok: true, username: 'Black Forest Labs', credits: 123.4,
      });
      const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
      expect(url).toBe('https://api.bfl.ai/v1/credits');
      expect(new Headers(init.headers).get('x-key')).toBe('bfl_key');
      expect(new Headers(init.headers).has('authorization')).toBe(false);
    });

    it('asks Black Forest Labs, not Replicate, when the base URL was left at Replicate’s default', async () => {
      const fetchFn = vi.fn(async () => json(200, { credits: 5 }));
      await testConnection({ provider: 'bfl', baseUrl: 'https://api.replicate.com/v1', apiKey: 'bfl_key' }, fetchFn);
      expect(fetchFn.mock.calls.map((call) => String((call as unknown[])[0]))).toEqual(['https://api.bfl.ai/v1/credits']);
    });

    it.each([
      ['a refused key', async () => json(401, { detail: 'Not authenticated - Invalid Authentication' }), /Black Forest Labs refused the API key \(401\)/],
      ['a forbidden key', async () => json(403, { detail: 'Forbidden' }), /Black Forest Labs refused the API key \(403\)/],
      ['a base URL without /credits', async () => json(404, { detail: 'Not Found' }), /api\.eu\.bfl\.ai has no Black Forest Labs credits endpoint/],
      ['an unreachable host', async () => Promise.reject(new TypeError('Failed to fetch')), /Could not reach api\.eu\.bfl\.ai/],
    ])('explains %s', async (_name, answer, message) => {
      const result = await testConnection({ provider: 'bfl', baseUrl: 'https://api.eu.bfl.ai/v1', apiKey: 'bfl_key' }, vi.fn(answer));
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) as string });
    });

    it('records the exchange without the key', async () => {
      await testConnection({ provider: 'bfl', baseUrl: 'https://api.bfl.ai/v1', apiKey: 'bfl_secret_123' }, vi.fn(async () => json(401, { detail: 'Not authenticated' })));
      await vi.waitFor(async () => expect(await getDiagnostics()).toHaveLength(1));
      const [entry] = await getDiagnostics();
      expect(entry).toMatchObject({ method: 'GET', host: 'api.bfl.ai', path: '/v1/credits', status: 401 });
      expect(JSON.stringify(entry)).not.toContain('bfl_secret_123');
    });
  });
});
