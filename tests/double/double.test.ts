// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApiDouble } from './index';
import { PRO, api, dataUri, patternPng, pollUntilDone, type Json } from './test-helpers';
import type { ApiDouble } from './types';

const FAST = { startingMs: 20, processingMs: 60 };
let double: ApiDouble;

beforeEach(async () => {
  double = await startApiDouble({ timing: FAST });
});
afterEach(async () => {
  await double.close();
});

describe('authentication and account', () => {
  it('answers 401 with the published body for a missing or unknown token', async () => {
    const expected = { title: 'Unauthenticated', detail: 'You did not pass a valid authentication token', status: 401 };
    const missing = await api(double, '/account', { headers: { authorization: '' } });
    const wrong = await api(double, PRO, { body: { input: { prompt: 'x' } }, headers: { authorization: 'Bearer r8_nope' } });
    expect([missing.status, missing.json]).toEqual([401, expected]);
    expect([wrong.status, wrong.json]).toEqual([401, expected]);
    expect(double.predictions.size).toBe(0);
  });

  it('describes the account behind the token', async () => {
    const { status, json } = await api(double, '/account');
    expect(status).toBe(200);
    expect(json).toEqual({ type: 'user', username: 'kontext-tester', name: 'Kontext Tester', github_url: 'https://github.com/kontext-tester' });
  });

  it('answers 404 for /account, even with a good token, when configured like a proxy', async () => {
    const proxy = await startApiDouble({ accountEndpoint: false });
    try {
      const { status } = await api(proxy, '/account');
      expect(status).toBe(404);
    } finally {
      await proxy.close();
    }
  });

  it('refuses creates with 402 and a billing link when the account has no credit', async () => {
    const { status, json } = await api(double, PRO, { body: { input: { prompt: 'x' } }, headers: { authorization: 'Bearer r8_test_nocredit' } });
    expect(status).toBe(402);
    expect(json.detail).toMatch(/https:\/\/replicate\.com\/account\/billing/);
    expect(double.predictions.size).toBe(0);
  });
});

describe('create validation', () => {
  it('answers 404 for an unknown model', async () => {
    const { status, json } = await api(double, '/models/black-forest-labs/flux-kontext-ultra/predictions', { body: { input: { prompt: 'x' } } });
    expect([status, json.detail]).toEqual([404, 'The requested resource could not be found.']);
  });

  it('answers 422 with invalid_fields for a bad output_format', async () => {
    const { status, json } = await api(double, PRO, { body: { input: { prompt: 'x', output_format: 'webp' } } });
    expect(status).toBe(422);
    expect(json.title).toBe('Input validation failed');
    expect(json.invalid_fields).toEqual([
      { type: 'enum', field: 'input.output_format', description: 'output_format must be one of the following: "jpg", "png"' },
    ]);
    expect(json.detail).toBe('- input.output_format: output_format must be one of the following: "jpg", "png"');
  });

  it('answers 422 for a top-level property besides input, such as version', async () => {
    const { status, json } = await api(double, PRO, { body: { version: 'black-forest-labs/flux-kontext-pro', input: { prompt: 'x' } } });
    expect(status).toBe(422);
    expect(json.invalid_fields[0]).toMatchObject({ type: 'additional_property_not_allowed', field: '(root)' });
  });

  it('answers 422 for an empty input_image, a wrong type and a missing prompt', async () => {
    const { json } = await api(double, PRO, { body: { input: { input_image: '', seed: 1.5 } } });
    const fields = (json.invalid_fields as Json[]).map((f) => `${f.field}:${f.type}`).sort();
    expect(fields).toEqual(['input.input_image:format', 'input.seed:invalid_type', 'input:required']);
  });

  it('answers 422 for safety_tolerance above 2 together with an input image', async () => {
    const image = dataUri(patternPng(8, 8), 'image/png');
    const withImage = await api(double, PRO, { body: { input: { prompt: 'x', input_image: image, safety_tolerance: 3 } } });
    const withoutImage = await api(double, PRO, { body: { input: { prompt: 'x', safety_tolerance: 3 } } });
    expect(withImage.status).toBe(422);
    expect(withImage.json.invalid_fields[0].field).toBe('input.safety_tolerance');
    expect(withoutImage.status).toBe(201);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const { status, json } = await api(double, PRO, { raw: '{"input": {' });
    expect(status).toBe(400);
    expect(json.detail).toMatch(/^Failed to parse request body as JSON: /);
  });

  it('answers 400 EOF for a body above the size limit, like a huge data URI', async () => {
    const small = await startApiDouble({ maxBodyBytes: 1000 });
    try {
      const { status, json } = await api(small, PRO, { body: { input: { prompt: 'x'.repeat(2000) } } });
      expect([status, json.detail]).toEqual([400, 'Failed to parse request body as JSON: EOF']);
    } finally {
      await small.close();
    }
  });
});

describe('prediction lifecycle', () => {
  it('holds a create with Prefer: wait until the output exists', async () => {
    const { status, json } = await api(double, PRO, { body: { input: { prompt: 'a red fox' } }, headers: { prefer: 'wait=5' } });
    expect(status).toBe(201);
    expect(json.status).toBe('succeeded');
    expect(json.output).toMatch(new RegExp(`^${double.filesUrl}/xezq/[A-Za-z0-9]+/out-0\\.png$`));
    expect(json.metrics.predict_time).toBeGreaterThan(0);
    expect((await fetch(json.output)).status).toBe(200);
  });

  it('answers at once in starting without Prefer, then moves through processing to succeeded', async () => {
    double.setTiming({ startingMs: 150, processingMs: 300 });
    const created = await api(double, PRO, { body: { input: { prompt: 'x' } } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'starting', output: null, version: 'hidden', model: 'black-forest-labs/flux-kontext-pro', data_removed: false });
    expect(created.json.id).toMatch(/^[a-z0-9]{20,}$/);
    expect(created.json.urls.get).toBe(`https://api.replicate.com/v1/predictions/${created.json.id}`);
    const seen: string[] = [];
    const done = await pollUntilDone(double, created.json.id, seen);
    expect(seen).toEqual(['starting', 'processing', 'succeeded']);
    expect(Date.parse(done.completed_at)).toBeGreaterThanOrEqual(Date.parse(done.started_at));
    expect(done.metrics.predict_time).toBeGreaterThanOrEqual(0.3);
  });

  it('answers the current state when the Prefer wait runs out', async () => {
    double.setTiming({ startingMs: 100, processingMs: 5000 });
    const started = Date.now();
    const { json } = await api(double, PRO, { body: { input: { prompt: 'x' } }, headers: { prefer: 'wait=1' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(json.status).toBe('processing');
  });

  it('ignores Prefer: wait when told to behave like a proxy without sync mode', async () => {
    const proxy = await startApiDouble({ maxPreferWaitSeconds: 0 });
    try {
      proxy.setTiming({ startingMs: 100, processingMs: 5000 });
      const started = Date.now();
      const { json } = await api(proxy, PRO, { body: { input: { prompt: 'x' } }, headers: { prefer: 'wait=5' } });
      expect(Date.now() - started).toBeLessThan(900);
      expect(json.status).toBe('starting');
    } finally {
      await proxy.close();
    }
  });

  it('cancels a running prediction and leaves a finished one unchanged', async () => {
    double.setTiming({ startingMs: 10_000 });
    const { json } = await api(double, PRO, { body: { input: { prompt: 'x' } } });
    const canceled = await api(double, `/predictions/${json.id}/cancel`, { method: 'POST' });
    expect(canceled.status).toBe(200);
    expect(canceled.json.status).toBe('canceled');
    const again = await api(double, `/predictions/${json.id}/cancel`, { method: 'POST' });
    expect(again.json.completed_at).toBe(canceled.json.completed_at);
    expect((await api(double, '/predictions/nosuchid/cancel', { method: 'POST' })).status).toBe(404);
  });

  it('aborts a prediction not started by its Cancel-After deadline and cancels a running one', { timeout: 12_000 }, async () => {
    double.setTiming({ startingMs: 20_000 });
    const queued = await api(double, PRO, { body: { input: { prompt: 'x' } }, headers: { 'cancel-after': '5s' } });
    double.setTiming({ startingMs: 20, processingMs: 20_000 });
    const running = await api(double, PRO, { body: { input: { prompt: 'x' } }, headers: { 'cancel-after': '5' } });
    expect(queued.json.deadline).toBeDefined();
    const [a, b] = await Promise.all([pollUntilDone(double, queued.json.id), pollUntilDone(double, running.json.id)]);
    expect(a.status).toBe('aborted');
    expect(a.started_at).toBeUndefined();
    expect(b.status).toBe('canceled');
    expect(Date.parse(a.completed_at) - Date.parse(a.created_at)).toBeGreaterThanOrEqual(4990);
  });

  it('refuses a Cancel-After shorter than 5 s', async () => {
    const { status } = await api(double, PRO, { body: { input: { prompt: 'x' } }, headers: { 'cancel-after': '2s' } });
    expect(status).toBe(400);
  });

  it('removes input, output and the output file after retention', async () => {
    const short = await startApiDouble({ timing: FAST, retentionMs: 150 });
    try {
      const image = dataUri(patternPng(16, 16), 'image/png');
      const { json } = await api(short, PRO, { body: { input: { prompt: 'x', input_image: image } }, headers: { prefer: 'wait=5' } });
      expect((await fetch(json.output)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      const later = await api(short, `/predictions/${json.id}`);
      expect(later.json).toMatchObject({ status: 'succeeded', output: null, data_removed: true, input: {} });
      expect((await fetch(json.output)).status).toBe(404);
    } finally {
      await short.close();
    }
  });

  it('hides predictions from other accounts', async () => {
    const other = await startApiDouble({ tokens: { a: { username: 'a' }, b: { username: 'b' } } });
    try {
      const { json } = await api(other, PRO, { body: { input: { prompt: 'x' } }, headers: { authorization: 'Bearer a' } });
      expect((await api(other, `/predictions/${json.id}`, { headers: { authorization: 'Bearer b' } })).status).toBe(404);
      expect((await api(other, `/predictions/${json.id}`, { headers: { authorization: 'Bearer a' } })).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
