import { describe, expect, it } from 'vitest';
import { createPredictionClient } from './client';
import { ApiError } from './errors';
import { createFakeFetch, type Reply } from './testing/fake-fetch';

const REPLICATE = 'https://api.replicate.com/v1';
const PROXY = 'http://127.0.0.1:8787/v1';
const ID = 'gm3qorzdhgbfurvjtvhg6dckhu';

function setup(replies: Reply[], baseUrl = REPLICATE, timeoutMs?: number) {
  const fake = createFakeFetch(replies);
  const client = createPredictionClient({ baseUrl: `${baseUrl}/`, token: 'r8_secret', fetch: fake.fetch, timeoutMs });
  return { client, calls: fake.calls };
}

describe('getPrediction', () => {
  it('GETs the prediction under the base URL with the token and no body', async () => {
    const { client, calls } = setup(['get-succeeded-string']);
    expect(await client.getPrediction(ID)).toMatchObject({ id: ID, status: 'succeeded' });
    expect(calls[0]).toMatchObject({ url: `${REPLICATE}/predictions/${ID}`, method: 'GET', body: undefined });
    expect(calls[0]?.headers).toEqual({ authorization: 'Bearer r8_secret' });
  });

  it('refuses redirects and cookies, so the token cannot follow a redirect elsewhere', async () => {
    const { client, calls } = setup(['get-processing']);
    await client.getPrediction(ID);
    expect(calls[0]?.init).toMatchObject({ redirect: 'error', credentials: 'omit' });
  });

  it('polls and cancels at the configured base even though the proxy echoes api.replicate.com URLs', async () => {
    const { client, calls } = setup(['create-starting', 'get-processing', 'get-canceled'], PROXY);
    const created = await client.createPrediction('black-forest-labs/flux-kontext-pro', { prompt: 'p' });
    expect(created.urls?.get).toMatch(/^https:\/\/api\.replicate\.com\//);
    await client.getPrediction(created.id);
    await client.cancelPrediction(created.id);
    expect(calls.slice(1).map((c) => `${c.method} ${c.url}`)).toEqual([
      `GET ${PROXY}/predictions/${ID}`,
      `POST ${PROXY}/predictions/${ID}/cancel`,
    ]);
    expect(calls.every((c) => c.url.startsWith(`${PROXY}/`))).toBe(true);
  });

  it('encodes the id so it cannot leave the predictions path', async () => {
    const { client, calls } = setup(['get-processing']);
    await client.getPrediction('../account?x=1');
    expect(calls[0]?.url).toBe(`${REPLICATE}/predictions/..%2Faccount%3Fx%3D1`);
  });

  it.each(['', '.', '..'])('refuses the id %j without sending', async (id) => {
    const { client, calls } = setup([]);
    await expect(client.getPrediction(id)).rejects.toMatchObject({ kind: 'bad-request' });
    expect(calls).toHaveLength(0);
  });

  it.each<[string, Reply, string, boolean]>([
    ['an unknown id (404)', 'error-404-prediction', 'not-found', false],
    ['a 502 page', 'error-502-html', 'server', true],
    ['a 429', 'error-429-retry-after-seconds', 'rate-limited', true],
    ['a bad token', 'error-401-unauthenticated', 'unauthenticated', false],
    ['a network error', { throws: new TypeError('Failed to fetch') }, 'network', true],
    ['an unknown status', 'get-unknown-status', 'unexpected', false],
    ['an HTML page with 200', 'get-not-json', 'unexpected', false],
  ])('turns %s into %s (retryable: %s)', async (_, reply, kind, retryable) => {
    const { client } = setup([reply]);
    const err = await client.getPrediction(ID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind, retryable, mayHaveCreated: false });
  });

  it('names the host it could not reach', async () => {
    const { client } = setup([{ throws: new TypeError('Failed to fetch') }], PROXY);
    await expect(client.getPrediction(ID)).rejects.toThrow('http://127.0.0.1:8787');
  });

  it('times out a poll that never answers', async () => {
    const { client } = setup(['hang'], REPLICATE, 20);
    await expect(client.getPrediction(ID)).rejects.toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('times out even when fetch rejects with a plain AbortError instead of the reason', async () => {
    const fetch = (_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const client = createPredictionClient({ baseUrl: REPLICATE, token: 't', fetch: fetch as typeof globalThis.fetch, timeoutMs: 20 });
    await expect(client.getPrediction(ID)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it("treats the caller's timeout signal as a timeout", async () => {
    const { client } = setup(['hang']);
    const controller = new AbortController();
    const pending = client.getPrediction(ID, controller.signal);
    controller.abort(new DOMException('too slow', 'TimeoutError'));
    await expect(pending).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('does not send when the signal is already aborted', async () => {
    const { client, calls } = setup([]);
    const reason = new Error('gone');
    await expect(client.getPrediction(ID, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(calls).toHaveLength(0);
  });
});

describe('cancelPrediction', () => {
  it('POSTs to the cancel route without a body', async () => {
    const { client, calls } = setup(['get-canceled']);
    expect(await client.cancelPrediction(ID)).toMatchObject({ status: 'canceled' });
    expect(calls[0]).toMatchObject({ url: `${REPLICATE}/predictions/${ID}/cancel`, method: 'POST', body: undefined });
  });
});

describe('listPredictions', () => {
  it('returns the usable predictions of the first page', async () => {
    const { client, calls } = setup(['list-predictions']);
    const list = await client.listPredictions();
    expect(list.map((p) => [p.id, p.status])).toEqual([
      [ID, 'succeeded'],
      ['xyz987', 'processing'],
    ]);
    expect(calls[0]).toMatchObject({ url: `${REPLICATE}/predictions`, method: 'GET' });
  });

  it('accepts a bare array from a proxy', async () => {
    const { client } = setup([{ description: 'bare', status: 200, headers: {}, body: [{ id: 'a', status: 'starting' }] }]);
    expect(await client.listPredictions()).toEqual([{ id: 'a', status: 'starting' }]);
  });
});

describe('getAccount', () => {
  it('returns the username, name and type', async () => {
    const { client, calls } = setup(['account']);
    expect(await client.getAccount()).toEqual({ username: 'jane', name: 'Jane Doe', type: 'user' });
    expect(calls[0]?.url).toBe(`${REPLICATE}/account`);
  });

  it('reports a proxy without /account as not-found, distinct from a refused key', async () => {
    const { client } = setup(['proxy-404-plain', 'error-401-unauthenticated'], PROXY);
    await expect(client.getAccount()).rejects.toMatchObject({ kind: 'not-found' });
    await expect(client.getAccount()).rejects.toMatchObject({ kind: 'unauthenticated' });
  });
});

describe('uploadFile', () => {
  it('sends multipart content with its filename and type, and returns the file URL', async () => {
    const { client, calls } = setup(['file-created']);
    const blob = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    expect(await client.uploadFile(blob, 'cat.png')).toEqual({
      id: 'cneqzikepnug6xezperrr4z55o',
      url: 'https://api.replicate.com/v1/files/cneqzikepnug6xezperrr4z55o',
    });
    const call = calls[0];
    expect(call).toMatchObject({ url: `${REPLICATE}/files`, method: 'POST' });
    // fetch must write the multipart boundary itself.
    expect(call?.headers).not.toHaveProperty('content-type');
    const form = call?.body as FormData;
    expect(form.get('type')).toBe('image/png');
    const content = form.get('content') as File;
    expect(content.name).toBe('cat.png');
    expect(content.size).toBe(4);
  });

  it('reports a proxy without the Files API as not-found', async () => {
    const { client } = setup(['proxy-404-plain'], PROXY);
    await expect(client.uploadFile(new Blob(['x']), 'x.png')).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('createPredictionClient', () => {
  it('refuses a base URL that is not http(s)', () => {
    expect(() => createPredictionClient({ baseUrl: 'file:///etc', token: 't' })).toThrow(/https:\/\//);
  });
});
