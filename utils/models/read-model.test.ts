// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { getModel } from '../../tests/double/routes-models';
import { readModelSpec } from './read-model';

const DEV = 'black-forest-labs/flux-kontext-dev';

function fakeFetch(status: number, body: unknown, seen: { url?: string; auth?: string } = {}): typeof fetch {
  return (async (url: RequestInfo | URL, init?: RequestInit) => {
    seen.url = String(url);
    seen.auth = new Headers(init?.headers).get('authorization') ?? undefined;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as typeof fetch;
}

describe('readModelSpec', () => {
  it('asks the typed base URL for the model with the typed key and makes a spec of its schema', async () => {
    const seen: { url?: string; auth?: string } = {};
    const body = JSON.parse(getModel(DEV).body.toString('utf8')) as unknown;
    const result = await readModelSpec({ model: ` ${DEV} `, baseUrl: 'https://proxy.example.com/v1/', apiKey: ' r8_k ' }, fakeFetch(200, body, seen));
    expect(seen).toEqual({ url: `https://proxy.example.com/v1/models/${DEV}`, auth: 'Bearer r8_k' });
    expect(result).toMatchObject({ ok: true, spec: { id: DEV, imageInput: 'input_image' } });
  });

  it.each([
    [401, {}, /refused \(401\)/],
    [404, {}, /No model named .* \(404\)/],
    [500, {}, /HTTP 500/],
    [200, 'not json', /not JSON/],
  ])('explains an answer %i', async (status, body, message) => {
    expect(await readModelSpec({ model: DEV, baseUrl: 'https://api.replicate.com/v1', apiKey: 'k' }, fakeFetch(status, body))).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it('checks the name, base URL and key before asking anything', async () => {
    const seen: { url?: string } = {};
    const fetch = fakeFetch(200, {}, seen);
    expect(await readModelSpec({ model: 'no-slash', baseUrl: 'https://api.replicate.com/v1', apiKey: 'k' }, fetch)).toMatchObject({ ok: false, message: /owner\/name/ });
    expect(await readModelSpec({ model: DEV, baseUrl: 'https://api.replicate.com/v1', apiKey: ' ' }, fetch)).toMatchObject({ ok: false, message: /API key/ });
    expect(seen.url).toBeUndefined();
  });
});
