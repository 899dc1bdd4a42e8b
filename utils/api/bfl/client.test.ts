import { describe, expect, it } from 'vitest';
import { createFakeFetch, type Reply } from '../testing/fake-fetch';
import { createBflClient } from './client';
import { loadBflFixture } from './testing/fixtures';

const BASE = 'https://api.bfl.ai/v1';
const created = loadBflFixture('create-ok').body as { id: string; polling_url: string; cost: number };

function setup(names: (string | Reply)[], opts: { key?: string; timeoutMs?: number; baseUrl?: string } = {}) {
  const fake = createFakeFetch(names.map((n) => (typeof n === 'string' && n !== 'hang' ? loadBflFixture(n) : n)));
  const client = createBflClient({ baseUrl: `${opts.baseUrl ?? BASE}/`, key: opts.key ?? 'bfl_secret', fetch: fake.fetch, timeoutMs: opts.timeoutMs });
  return { client, calls: fake.calls };
}

describe('createEdit', () => {
  it('POSTs the BFL body to the model endpoint with x-key and no Authorization header', async () => {
    const { client, calls } = setup(['create-ok']);
    const task = await client.createEdit('flux-kontext-pro', {
      prompt: 'make the sky purple',
      input_image: 'data:image/jpeg;base64,/9j/4AAQ',
      aspect_ratio: 'match_input_image',
      output_format: 'jpg',
      safety_tolerance: 2,
      seed: 42,
    });
    expect(task).toEqual({ id: created.id, pollingUrl: created.polling_url, cost: created.cost });
    expect(calls[0]).toMatchObject({
      url: `${BASE}/flux-kontext-pro`,
      method: 'POST',
      body: { prompt: 'make the sky purple', input_image: '/9j/4AAQ', output_format: 'jpeg', safety_tolerance: 2, seed: 42 },
    });
    expect(calls[0]?.headers).toEqual({ 'x-key': 'bfl_secret', accept: 'application/json', 'content-type': 'application/json' });
    expect(calls[0]?.init).toMatchObject({ redirect: 'error', credentials: 'omit' });
  });

  it.each<[string, string]>([
    ['error-401', 'unauthenticated'],
    ['error-402', 'insufficient-credit'],
    ['error-429', 'rate-limited'],
    ['error-422', 'invalid-input'],
  ])('rejects %s as %s, known not to have created anything', async (name, kind) => {
    const { client } = setup([name]);
    await expect(client.createEdit('flux-kontext-max', { prompt: 'p' })).rejects.toMatchObject({ kind, mayHaveCreated: false });
  });

  it.each<[string, Reply, string]>([
    ['a dropped connection', { throws: new TypeError('Failed to fetch') }, 'network'],
    ['a 503 page', 'error-503-html', 'server'],
    ['a 200 without polling_url', 'create-no-polling-url', 'unexpected'],
  ])('marks %s as a create that may have happened, not to be resent blindly', async (_, reply, kind) => {
    const { client } = setup([reply]);
    await expect(client.createEdit('flux-kontext-pro', { prompt: 'p' })).rejects.toMatchObject({ kind, mayHaveCreated: true, retryable: false });
  });

  it('rejects without sending when no key is set', async () => {
    const { client, calls } = setup([], { key: '  ' });
    await expect(client.createEdit('flux-kontext-pro', { prompt: 'p' })).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect(calls).toHaveLength(0);
  });
});

describe('getResult', () => {
  it('GETs the polling URL exactly as given, on its regional host, with the key', async () => {
    const { client, calls } = setup(['result-pending']);
    expect(await client.getResult(created.polling_url)).toMatchObject({ status: 'Pending' });
    expect(calls[0]).toMatchObject({ url: created.polling_url, method: 'GET', body: undefined });
    expect(calls[0]?.headers['x-key']).toBe('bfl_secret');
  });

  it.each(['result-ready', 'result-request-moderated', 'result-content-moderated', 'result-error', 'result-task-not-found'])(
    'reads the %s answer',
    async (name) => {
      const { client } = setup([name]);
      const expected = (loadBflFixture(name).body as { status: string }).status;
      expect((await client.getResult(created.polling_url)).status).toBe(expected);
    },
  );

  it('refuses a polling URL outside BFL without sending the key anywhere', async () => {
    const foreign = (loadBflFixture('create-foreign-polling-url').body as { polling_url: string }).polling_url;
    const { client, calls } = setup([]);
    await expect(client.getResult(foreign)).rejects.toMatchObject({ kind: 'unexpected', message: /Refusing to send the API key to https:\/\/evil\.example/ });
    expect(calls).toHaveLength(0);
  });

  it('treats an undocumented status as an unreadable answer', async () => {
    const { client } = setup(['result-unknown-status']);
    await expect(client.getResult(created.polling_url)).rejects.toMatchObject({ kind: 'unexpected', status: 200 });
  });

  it('retries a poll that timed out', async () => {
    const { client } = setup(['hang'], { timeoutMs: 20 });
    await expect(client.getResult(created.polling_url)).rejects.toMatchObject({ kind: 'timeout', retryable: true });
  });

  it("passes the caller's own abort reason through", async () => {
    const { client } = setup(['hang']);
    const controller = new AbortController();
    const reason = new Error('job canceled');
    const pending = client.getResult(created.polling_url, controller.signal);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('getCredits', () => {
  it('GETs /credits under the base URL and returns the balance', async () => {
    const { client, calls } = setup(['credits']);
    expect(await client.getCredits()).toEqual({ credits: 1234.5 });
    expect(calls[0]).toMatchObject({ url: `${BASE}/credits`, method: 'GET' });
  });

  it('reports a wrong key as unauthenticated', async () => {
    const { client } = setup(['error-401']);
    await expect(client.getCredits()).rejects.toMatchObject({ kind: 'unauthenticated', status: 401 });
  });
});

describe('a local base URL (the double)', () => {
  it('polls a polling URL on the same origin', async () => {
    const local = 'http://127.0.0.1:9100/v1';
    const { client, calls } = setup(['result-pending'], { baseUrl: local });
    await client.getResult(`${local}/get_result?id=abc`);
    expect(calls[0]?.url).toBe(`${local}/get_result?id=abc`);
  });
});
