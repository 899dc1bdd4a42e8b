import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPredictionClient } from './client';
import { ApiError } from './errors';
import { createFakeFetch, type Reply } from './testing/fake-fetch';

const REPLICATE = 'https://api.replicate.com/v1';
const PROXY = 'http://127.0.0.1:8787/v1';
const MODEL = 'black-forest-labs/flux-kontext-pro';
const INPUT = { prompt: 'make the sky purple', input_image: 'data:image/png;base64,AA' };

function setup(replies: Reply[], baseUrl = REPLICATE, extra: { timeoutMs?: number; token?: string } = {}) {
  const fake = createFakeFetch(replies);
  const client = createPredictionClient({ baseUrl, token: extra.token ?? 'r8_secret', fetch: fake.fetch, timeoutMs: extra.timeoutMs });
  return { client, calls: fake.calls };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createPrediction', () => {
  it('posts only the input to the models route with the token', async () => {
    const { client, calls } = setup(['create-starting']);
    const p = await client.createPrediction(MODEL, INPUT);
    expect(p).toMatchObject({ id: 'gm3qorzdhgbfurvjtvhg6dckhu', status: 'starting' });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({
      url: `${REPLICATE}/models/black-forest-labs/flux-kontext-pro/predictions`,
      method: 'POST',
      body: { input: INPUT },
      headers: { authorization: 'Bearer r8_secret', 'content-type': 'application/json' },
    });
    expect(call?.body).not.toHaveProperty('version');
    expect(call?.headers).not.toHaveProperty('prefer');
    expect(call?.headers).not.toHaveProperty('cancel-after');
  });

  it('leaves out undefined, null and empty-string inputs but keeps false and 0', async () => {
    const { client, calls } = setup(['create-starting']);
    await client.createPrediction(MODEL, { prompt: 'p', input_image: '', seed: null, aspect_ratio: undefined, prompt_upsampling: false, safety_tolerance: 0 });
    expect(calls[0]?.body).toEqual({ input: { prompt: 'p', prompt_upsampling: false, safety_tolerance: 0 } });
  });

  it.each([
    [10, 'wait=10'],
    [25, 'wait=25'],
    [60, 'wait=25'],
    [0, 'wait=1'],
    [-3, 'wait=1'],
    [7.6, 'wait=8'],
  ])('sends waitSeconds %s as Prefer: %s', async (waitSeconds, prefer) => {
    const { client, calls } = setup(['create-sync-processing-with-output']);
    await client.createPrediction(MODEL, INPUT, { waitSeconds });
    expect(calls[0]?.headers.prefer).toBe(prefer);
  });

  it('sends no Prefer header for a non-number wait', async () => {
    const { client, calls } = setup(['create-starting']);
    await client.createPrediction(MODEL, INPUT, { waitSeconds: Number.NaN });
    expect(calls[0]?.headers).not.toHaveProperty('prefer');
  });

  it('sends Cancel-After when asked', async () => {
    const { client, calls } = setup(['create-starting']);
    await client.createPrediction(MODEL, INPUT, { cancelAfter: ' 5m ' });
    expect(calls[0]?.headers['cancel-after']).toBe('5m');
  });

  it('returns the sync answer that already holds the output', async () => {
    const { client } = setup(['create-sync-processing-with-output']);
    const p = await client.createPrediction(MODEL, INPUT, { waitSeconds: 25 });
    expect(p).toMatchObject({ status: 'processing', output: 'https://replicate.delivery/xezq/abc123/tmpz8x1.jpg' });
  });

  it.each(['flux-kontext-pro', 'a/b/c', 'owner/name:1234', '/name', 'owner/'])(
    'refuses the model name %j without sending anything',
    async (model) => {
      const { client, calls } = setup([]);
      await expect(client.createPrediction(model, INPUT)).rejects.toMatchObject({ kind: 'bad-request', mayHaveCreated: false });
      expect(calls).toHaveLength(0);
    },
  );

  it('refuses to create without a token, before any request', async () => {
    const { client, calls } = setup([], REPLICATE, { token: '  ' });
    await expect(client.createPrediction(MODEL, INPUT)).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect(calls).toHaveLength(0);
  });
});

describe('createPrediction through a proxy', () => {
  it('falls back once to POST /predictions with the model as version, and remembers it', async () => {
    const { client, calls } = setup(['error-404-model', 'create-starting', 'create-starting'], PROXY);
    await client.createPrediction(MODEL, INPUT, { waitSeconds: 5 });
    await client.createPrediction(MODEL, INPUT);
    expect(calls.map((c) => c.url)).toEqual([
      `${PROXY}/models/black-forest-labs/flux-kontext-pro/predictions`,
      `${PROXY}/predictions`,
      `${PROXY}/predictions`,
    ]);
    expect(calls[1]).toMatchObject({ body: { version: MODEL, input: INPUT }, headers: { prefer: 'wait=5' } });
  });

  it('does not fall back on api.replicate.com, where a 404 means the model does not exist', async () => {
    const { client, calls } = setup(['error-404-model'], REPLICATE);
    await expect(client.createPrediction(MODEL, INPUT)).rejects.toMatchObject({ kind: 'not-found', status: 404 });
    expect(calls).toHaveLength(1);
  });

  it('reports the second 404 and keeps trying the models route first next time', async () => {
    const { client, calls } = setup(['proxy-404-plain', 'error-404-model', 'create-starting'], PROXY);
    await expect(client.createPrediction(MODEL, INPUT)).rejects.toMatchObject({ kind: 'not-found', mayHaveCreated: false });
    await client.createPrediction(MODEL, INPUT);
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual([
      '/v1/models/black-forest-labs/flux-kontext-pro/predictions',
      '/v1/predictions',
      '/v1/models/black-forest-labs/flux-kontext-pro/predictions',
    ]);
  });

  it('does not fall back on errors other than 404', async () => {
    const { client, calls } = setup(['error-422-invalid-fields'], PROXY);
    await expect(client.createPrediction(MODEL, INPUT)).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(calls).toHaveLength(1);
  });
});

describe('createPrediction failures', () => {
  it.each<[string, Reply, string, boolean]>([
    ['a network error', { throws: new TypeError('Failed to fetch') }, 'network', true],
    ['a 503', 'error-503-html', 'server', true],
    ['a 500 with JSON', 'error-500-json-title', 'server', true],
    ['a 2xx that is not JSON', 'get-not-json', 'unexpected', true],
    ['a 2xx with an unknown status', 'get-unknown-status', 'unexpected', true],
    ['a 429', 'error-429-detail-only', 'rate-limited', false],
    ['a 422', 'error-422-invalid-fields', 'invalid-input', false],
    ['a 402', 'error-402-insufficient-credit', 'insufficient-credit', false],
    ['a 401', 'error-401-unauthenticated', 'unauthenticated', false],
    ['a 400 EOF', 'error-400-eof', 'bad-request', false],
  ])('after %s, says %s and whether a prediction may exist', async (_, reply, kind, mayHaveCreated) => {
    const { client, calls } = setup([reply]);
    const err = await client.createPrediction(MODEL, INPUT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind, mayHaveCreated });
    // Only a 429 (refused before anything ran) is safe to send again as is.
    expect((err as ApiError).retryable).toBe(kind === 'rate-limited');
    expect(calls).toHaveLength(1);
  });

  it('gives up at the wait plus a margin, and flags that the prediction may exist', async () => {
    vi.useFakeTimers();
    const { client } = setup(['hang']);
    let settled: unknown;
    const pending = client.createPrediction(MODEL, INPUT, { waitSeconds: 25 }).catch((e: unknown) => (settled = e));
    await vi.advanceTimersByTimeAsync(28_000);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_001);
    await pending;
    expect(settled).toMatchObject({ kind: 'timeout', mayHaveCreated: true, retryable: false });
  });

  it("passes the caller's own abort through unchanged", async () => {
    const { client } = setup(['hang']);
    const controller = new AbortController();
    const pending = client.createPrediction(MODEL, INPUT, { signal: controller.signal });
    const reason = new DOMException('user closed the prompt', 'AbortError');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
