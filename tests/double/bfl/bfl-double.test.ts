// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataUri, fetchImage, patternPng } from '../test-helpers';
import { startBflDouble, type BflDouble } from './index';
import { BFL_VALID, bfl, manualClock } from './test-helpers';

const PENDING_MS = 1_000;
const TEN_MINUTES = 10 * 60_000;
const image = () => patternPng(64, 48).toString('base64');
let clock: ReturnType<typeof manualClock>;
let double: BflDouble;

beforeEach(async () => {
  clock = manualClock();
  double = await startBflDouble({ now: clock.now, pendingMs: PENDING_MS, maxActiveTasks: 2 });
});
afterEach(async () => {
  await double.close();
});

const create = (body: Record<string, unknown> = {}, model = 'flux-kontext-pro', headers?: Record<string, string>) =>
  bfl(double, `/${model}`, { body: { prompt: 'make it black and white', input_image: image(), ...body }, headers });

describe('authentication and credits', () => {
  it.each([
    ['no key', {}],
    ['an unknown key', { 'x-key': 'bfl_nope' }],
  ])('answers 401 to %s on every route and creates nothing', async (_, headers) => {
    const noKey = { 'x-key': '', ...headers };
    const replies = await Promise.all([create({}, 'flux-kontext-pro', noKey), bfl(double, '/credits', { headers: noKey })]);
    expect(replies.map((r) => r.status)).toEqual([401, 401]);
    expect(replies[0]?.json).toEqual({ detail: 'Not authenticated - Invalid Authentication' });
    expect(double.tasks.size).toBe(0);
  });

  it('reports the balance and charges 4 credits for pro, 8 for max', async () => {
    expect((await bfl(double, '/credits')).json).toEqual({ credits: 1000 });
    expect((await create()).json.cost).toBe(4);
    expect((await create({}, 'flux-kontext-max')).json.cost).toBe(8);
    expect((await bfl(double, '/credits')).json).toEqual({ credits: 988 });
  });

  it('answers 402 when the balance cannot pay, without creating', async () => {
    const { status, json } = await create({}, 'flux-kontext-pro', { 'x-key': 'bfl_test_nocredit' });
    expect([status, json]).toEqual([402, { detail: 'Insufficient credits' }]);
    expect(double.tasks.size).toBe(0);
  });
});

describe('create validation', () => {
  it('answers a FastAPI-style 422 naming the field, without charging', async () => {
    const { status, json } = await create({ output_format: 'jpg' });
    expect(status).toBe(422);
    expect(json.detail[0].loc).toEqual(['body', 'output_format']);
    expect(double.creditsOf(BFL_VALID)).toBe(1000);
  });

  it.each([{ prompt: '' }, { aspect_ratio: '3:1' }, { safety_tolerance: 7 }, { extra: 1 }])('refuses %j', async (body) => {
    expect((await create(body)).status).toBe(422);
  });

  it('answers 404 for an unknown model', async () => {
    expect((await create({}, 'flux-kontext-ultra')).status).toBe(404);
  });

  it('answers 429 once as many tasks are pending as allowed, and accepts again when one is done', async () => {
    await create();
    await create();
    const third = await create();
    expect(third.status).toBe(429);
    expect(third.json.detail).toMatch(/active tasks/);
    expect(double.tasks.size).toBe(2);
    clock.advance(PENDING_MS);
    expect((await create()).status).toBe(200);
  });
});

describe('lifecycle', () => {
  it('goes Pending → Ready with a sample on the delivery origin made from the input', async () => {
    const { json: task } = await create({ output_format: 'jpeg' });
    expect(task.polling_url).toBe(`${double.apiUrl}/get_result?id=${task.id}`);
    expect((await bfl(double, task.polling_url)).json.status).toBe('Pending');
    clock.advance(PENDING_MS);
    const { json: ready } = await bfl(double, task.polling_url);
    expect(ready.status).toBe('Ready');
    const sample = new URL(ready.result.sample);
    expect(sample.origin).toBe(double.deliveryUrl);
    expect(sample.origin).not.toBe(new URL(double.apiUrl).origin);
    expect(sample.searchParams.get('se')).toBe(new Date(clock.now() + TEN_MINUTES).toISOString());
    const img = await fetchImage(ready.result.sample);
    expect([img.width, img.height, img.type]).toEqual([64, 48, 'image/jpeg']);
    // "black and white" → grey: R = G = B (within JPEG noise).
    expect(Math.abs((img.data[400] ?? 0) - (img.data[401] ?? 0))).toBeLessThan(8);
  });

  it('never receives the key at the delivery host', async () => {
    const { json: task } = await create();
    clock.advance(PENDING_MS);
    const { json } = await bfl(double, task.polling_url);
    await fetchImage(json.result.sample);
    expect(double.deliveryRequests).toHaveLength(1);
    expect(double.deliveryRequests[0]?.headers['x-key']).toBeUndefined();
  });

  it('forgets the task and refuses the sample ten minutes after it is ready', async () => {
    const { json: task } = await create();
    clock.advance(PENDING_MS);
    const { json: ready } = await bfl(double, task.polling_url);
    clock.advance(TEN_MINUTES - 1);
    expect((await bfl(double, task.polling_url)).json.status).toBe('Ready');
    clock.advance(1);
    expect((await bfl(double, task.polling_url)).json.status).toBe('Task not found');
    expect((await fetch(ready.result.sample)).status).toBe(403);
  });

  it('answers Task not found for an unknown id and for another key’s task', async () => {
    const { json: task } = await create();
    expect((await bfl(double, '/get_result?id=nope')).json.status).toBe('Task not found');
    const other = await bfl(double, task.polling_url, { headers: { 'x-key': 'bfl_test_nocredit' } });
    expect(other.json.status).toBe('Task not found');
  });

  it('writes the configured polling origin into polling_url', async () => {
    const regional = await startBflDouble({ pollingOrigin: 'https://api.us1.bfl.ai' });
    try {
      const { json } = await bfl(regional, '/flux-kontext-pro', { body: { prompt: 'p' } });
      expect(json.polling_url).toBe(`https://api.us1.bfl.ai/v1/get_result?id=${json.id}`);
    } finally {
      await regional.close();
    }
  });
});

describe('outcomes', () => {
  it('moderates a request at once, without a Pending phase', async () => {
    double.queueOutcome('request-moderated');
    const { json: task } = await create();
    expect((await bfl(double, task.polling_url)).json.status).toBe('Request Moderated');
  });

  it('moderates the content after the Pending phase', async () => {
    double.queueOutcome('content-moderated');
    const { json: task } = await create();
    expect((await bfl(double, task.polling_url)).json.status).toBe('Pending');
    clock.advance(PENDING_MS);
    expect((await bfl(double, task.polling_url)).json.status).toBe('Content Moderated');
  });

  it('uses one queued outcome per create, then goes back to Ready', async () => {
    double.queueOutcome('error');
    const first = (await create()).json;
    const second = (await create()).json;
    clock.advance(PENDING_MS);
    const { json } = await bfl(double, first.polling_url);
    expect([json.status, json.details]).toEqual(['Error', { error: 'Internal generation error' }]);
    expect((await bfl(double, second.polling_url)).json.status).toBe('Ready');
  });

  it('reports an input that is not an image as an Error with the reason', async () => {
    const { json: task } = await create({ input_image: Buffer.from('not an image').toString('base64') });
    clock.advance(PENDING_MS);
    const { json } = await bfl(double, task.polling_url);
    expect(json.status).toBe('Error');
    expect(json.details.error).toMatch(/cannot identify image file/);
  });

  it('accepts a data: URI as the input image too', async () => {
    const { json: task } = await create({ input_image: dataUri(patternPng(30, 20), 'image/png') });
    clock.advance(PENDING_MS);
    const { json } = await bfl(double, task.polling_url);
    expect(((await fetchImage(json.result.sample)).width)).toBe(30);
  });

  it('queues outcomes over HTTP for tests that drive a browser', async () => {
    const admin = `${double.apiUrl.replace(/\/v1$/, '')}/__double/outcomes`;
    const bad = await fetch(admin, { method: 'POST', body: JSON.stringify({ outcome: 'explode' }) });
    expect(bad.status).toBe(400);
    await fetch(admin, { method: 'POST', body: JSON.stringify({ outcome: 'request-moderated' }) });
    const { json: task } = await create();
    expect((await bfl(double, task.polling_url)).json.status).toBe('Request Moderated');
  });
});
