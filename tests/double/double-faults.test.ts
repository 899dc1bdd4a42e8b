// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERIC_ERROR, MODERATION_ERROR } from './prediction-engine';
import { startApiDouble } from './index';
import { PRO, api, fetchImage, pollUntilDone } from './test-helpers';
import type { ApiDouble } from './types';

let double: ApiDouble;
const create = (headers: Record<string, string> = {}) => api(double, PRO, { body: { input: { prompt: 'x' } }, headers });

beforeEach(async () => {
  double = await startApiDouble({ timing: { startingMs: 20, processingMs: 60 } });
});
afterEach(async () => {
  await double.close();
});

describe('response faults', () => {
  it('answers 429 with the published throttle body when a fault names only the status', async () => {
    double.injectFault({ match: { method: 'POST', path: '/v1/models/' }, respond: { status: 429 } });
    const first = await create();
    const second = await create();
    expect([first.status, first.json]).toEqual([429, { detail: 'Request was throttled. Your rate limit resets in ~30s.' }]);
    expect(first.headers.get('retry-after')).toBeNull();
    expect(second.status).toBe(201);
    expect(double.predictions.size).toBe(1);
  });

  it('answers a custom body and headers, `times` times, matching a RegExp', async () => {
    double.injectFault({ match: { path: /^\/v1\/predictions\/\w+$/ }, times: 2, respond: { status: 500, body: { oops: 1 }, headers: { 'retry-after': '3' } } });
    const { json } = await create();
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await api(double, `/predictions/${json.id}`));
    expect(answers.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(answers[0]?.json).toEqual({ oops: 1 });
    expect(answers[0]?.headers.get('retry-after')).toBe('3');
  });

  it('answers an HTML page for a gateway error', async () => {
    double.injectFault({ match: { path: '/v1/predictions/' }, respond: { status: 502 } });
    const { json } = await create();
    const { status, json: text, headers } = await api(double, `/predictions/${json.id}`);
    expect(status).toBe(502);
    expect(headers.get('content-type')).toBe('text/html');
    expect(text).toContain('502 Bad Gateway');
  });

  it('drops the connection before creating anything', async () => {
    double.injectFault({ match: { method: 'POST', path: `/v1${PRO}` }, drop: true });
    await expect(create()).rejects.toThrow();
    expect(double.predictions.size).toBe(0);
    expect(double.requests[0]?.status).toBe(0);
  });

  it('drops the connection after creating the prediction when afterCreate is set', async () => {
    double.injectFault({ match: { method: 'POST', path: '/v1/models/' }, drop: true, afterCreate: true });
    await expect(create()).rejects.toThrow();
    expect(double.predictions.size).toBe(1);
    const [prediction] = double.predictions.values();
    expect((await pollUntilDone(double, prediction?.body.id ?? '')).status).toBe('succeeded');
  });

  it('answers late by delayMs', async () => {
    double.injectFault({ match: { path: '/v1/account' }, delayMs: 400 });
    const started = Date.now();
    const { status } = await api(double, '/account');
    expect(status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });
});

describe('outcome faults', () => {
  it('fails the next prediction as flagged by moderation (E005), then runs normally', async () => {
    double.injectFault({ match: { path: '/v1/models/' }, outcome: 'moderation' });
    const flagged = await create({ prefer: 'wait=5' });
    const normal = await create({ prefer: 'wait=5' });
    expect([flagged.json.status, flagged.json.error]).toEqual(['failed', MODERATION_ERROR]);
    expect(flagged.json.error).toMatch(/flagged as sensitive.*E005/);
    expect(normal.json.status).toBe('succeeded');
  });

  it('fails with a generic error', async () => {
    double.injectFault({ match: { path: '/v1/models/' }, outcome: 'failed' });
    const { json } = await create({ prefer: 'wait=5' });
    expect([json.status, json.error, json.output]).toEqual(['failed', GENERIC_ERROR, null]);
  });

  it('succeeds without output', async () => {
    double.injectFault({ match: { path: '/v1/models/' }, outcome: 'no-output' });
    const { json } = await create({ prefer: 'wait=5' });
    expect([json.status, json.output]).toEqual(['succeeded', null]);
  });

  it('keeps a slow prediction processing long after the normal time', async () => {
    double.injectFault({ match: { path: '/v1/models/' }, outcome: 'slow' });
    const { json } = await create({ prefer: 'wait=1' });
    expect(json.status).toBe('processing');
  });

  it('answers the output as an array or as a data: URI of a real image', async () => {
    double.injectFault({ match: { path: '/v1/models/' }, outcome: 'array-output' });
    double.injectFault({ match: { path: '/v1/models/' }, outcome: 'data-uri-output' });
    const array = await create({ prefer: 'wait=5' });
    const inline = await create({ prefer: 'wait=5' });
    expect(array.json.output).toEqual([expect.stringMatching(/\/out-0\.png$/)]);
    expect(inline.json.output).toMatch(/^data:image\/png;base64,/);
    expect((await fetchImage(inline.json.output as string)).width).toBe(1024);
  });
});

describe('sync-mode quirks', () => {
  it('reports processing with the output already filled', async () => {
    double.injectFault({ match: { path: '/v1/models/' }, quirk: 'processing-with-output' });
    const { json } = await create({ prefer: 'wait=5' });
    expect(json.status).toBe('processing');
    expect(json.output).toMatch(/out-0\.png$/);
    expect((await api(double, `/predictions/${json.id}`)).json.status).toBe('succeeded');
  });

  it('reports starting although the prediction already runs', async () => {
    double.setTiming({ startingMs: 10, processingMs: 3000 });
    double.injectFault({ match: { path: '/v1/models/' }, quirk: 'stale-starting' });
    const { json } = await create({ prefer: 'wait=1' });
    expect(json.status).toBe('starting');
    expect(double.predictions.get(json.id)?.body.status).toBe('processing');
  });
});

describe('admin surface', () => {
  it('takes faults and timing over HTTP and lists recorded requests', async () => {
    const admin = double.apiUrl.replace(/\/v1$/, '/__double');
    const post = (path: string, body: unknown) =>
      fetch(`${admin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/faults', { match: { path: '^/v1/acc', regex: true }, respond: { status: 503 } })).status).toBe(200);
    expect((await post('/faults', { match: { path: '/v1' }, respond: { status: 'nope' } })).status).toBe(400);
    expect((await api(double, '/account')).status).toBe(503);
    await post('/faults', { match: { path: '/v1/account' }, respond: { status: 500 } });
    await fetch(`${admin}/faults`, { method: 'DELETE' });
    expect((await api(double, '/account')).status).toBe(200);
    await post('/timing', { startingMs: 5000 });
    const { json } = await create({ prefer: 'wait=1' });
    expect(json.status).toBe('starting');
    const recorded = (await (await fetch(`${admin}/requests`)).json()) as Array<{ path: string; status: number }>;
    expect(recorded.map((r) => `${r.status} ${r.path}`)).toEqual(['503 /v1/account', '200 /v1/account', `201 /v1${PRO}`]);
  });
});

describe('faults on the files server', () => {
  it('makes an output link answer 404 although retention has not passed', async () => {
    const { json } = await create({ prefer: 'wait=5' });
    const path = new URL(json.output as string).pathname;
    double.injectFault({ match: { path }, respond: { status: 404, body: 'Not Found' } });
    const first = await fetch(json.output as string);
    expect([first.status, await first.text()]).toEqual([404, 'Not Found']);
    expect((await fetch(json.output as string)).status).toBe(200);
  });

  it('cuts an output download', async () => {
    const { json } = await create({ prefer: 'wait=5' });
    double.injectFault({ match: { path: '/xezq/' }, drop: true });
    await expect(fetch(json.output as string)).rejects.toThrow();
  });
});
