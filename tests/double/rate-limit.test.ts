// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { CreateRateLimiter } from './rate-limit';
import { startApiDouble } from './index';
import { PRO, api } from './test-helpers';
import type { ApiDouble } from './types';

describe('CreateRateLimiter (injected clock)', () => {
  function limiterAt(perMinute: number, burst: number) {
    const clock = { t: 1_000_000 };
    return { clock, limiter: new CreateRateLimiter({ perMinute, burst }, () => clock.t) };
  }

  it('with burst 1 at 6 a minute, lets one through, then one every 10 s, saying how long is left', () => {
    const { clock, limiter } = limiterAt(6, 1);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(10_000);
    clock.t += 2_500;
    expect(limiter.take('a')).toBe(7_500);
    clock.t += 7_499;
    expect(limiter.take('a')).toBe(1);
    clock.t += 1;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(10_000);
  });

  it('keeps the shape of the limit in a compressed minute', () => {
    const clock = { t: 0 };
    const limiter = new CreateRateLimiter({ perMinute: 6, burst: 1, minuteMs: 20_000 }, () => clock.t);
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 20_000 / 6]);
  });

  it('saves up at most `burst` tokens however long the account was idle', () => {
    const { clock, limiter } = limiterAt(6, 3);
    clock.t += 3_600_000;
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(10_000);
    clock.t += 25_000;
    // 2.5 tokens came back: two are usable now, the third in 5 s.
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 5_000]);
  });

  it('refused requests take no token, so waiting as told is enough', () => {
    const { clock, limiter } = limiterAt(6, 1);
    limiter.take('a');
    for (let i = 0; i < 5; i++) {
      clock.t += 1_000;
      limiter.take('a');
    }
    clock.t += 5_000;
    expect(limiter.take('a')).toBe(0);
  });

  it('keeps one bucket per account', () => {
    const { limiter } = limiterAt(6, 1);
    expect([limiter.take('a'), limiter.take('b'), limiter.take('a') > 0, limiter.take('b') > 0]).toEqual([0, 0, true, true]);
  });

  it('refuses a limit that would never let anything through', () => {
    expect(() => new CreateRateLimiter({ perMinute: 0, burst: 1 }, Date.now)).toThrow();
    expect(() => new CreateRateLimiter({ perMinute: 6, burst: 0 }, Date.now)).toThrow();
  });
});

describe('createRateLimit option (real timers)', () => {
  let double: ApiDouble | undefined;
  afterEach(async () => {
    await double?.close();
    double = undefined;
  });

  const TWO_ACCOUNTS = {
    r8_test_valid: { username: 'kontext-tester', credit: true },
    r8_test_other: { username: 'other-user', credit: true },
  };

  it('answers the published 429 without Retry-After over the limit, on both create routes, and creates nothing', async () => {
    // One token every 10 s: the test never lasts long enough for one to come back.
    double = await startApiDouble({ createRateLimit: { perMinute: 6, burst: 2 }, timing: { startingMs: 10, processingMs: 10 } });
    const first = await api(double, PRO, { body: { input: { prompt: 'one' } } });
    const second = await api(double, '/predictions', { body: { version: 'black-forest-labs/flux-kontext-pro', input: { prompt: 'two' } } });
    const third = await api(double, PRO, { body: { input: { prompt: 'three' } } });
    const fourth = await api(double, '/predictions', { body: { version: 'black-forest-labs/flux-kontext-pro', input: { prompt: 'four' } } });
    expect([first.status, second.status, third.status, fourth.status]).toEqual([201, 201, 429, 429]);
    expect(Object.keys(third.json)).toEqual(['detail']);
    const seconds = Number(/^Request was throttled\. Your rate limit resets in ~(\d+)s\.$/.exec(third.json.detail)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(10);
    expect(third.headers.get('retry-after')).toBeNull();
    expect([...double.predictions.values()].map((p) => p.body.input.prompt)).toEqual(['one', 'two']);
    expect(double.requests.map((r) => r.status)).toEqual([201, 201, 429, 429]);
  });

  it('lets a create through again once a token has come back', async () => {
    // One token every 2 s; the refusal says how long to wait, and that is enough.
    double = await startApiDouble({ createRateLimit: { perMinute: 30, burst: 1 }, timing: { startingMs: 10, processingMs: 10 } });
    expect((await api(double, PRO, { body: { input: { prompt: 'one' } } })).status).toBe(201);
    const refused = await api(double, PRO, { body: { input: { prompt: 'two' } } });
    expect(refused.status).toBe(429);
    const seconds = Number(/~(\d+)s\./.exec(refused.json.detail)?.[1]);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    expect((await api(double, PRO, { body: { input: { prompt: 'three' } } })).status).toBe(201);
    expect(double.predictions.size).toBe(2);
  });

  it('counts each account separately and leaves other requests alone', async () => {
    double = await startApiDouble({ tokens: TWO_ACCOUNTS, createRateLimit: { perMinute: 1, burst: 1 }, timing: { startingMs: 10, processingMs: 10 } });
    const mine = await api(double, PRO, { body: { input: { prompt: 'one' } } });
    const again = await api(double, PRO, { body: { input: { prompt: 'two' } } });
    const other = await api(double, PRO, { body: { input: { prompt: 'three' } }, headers: { authorization: 'Bearer r8_test_other' } });
    const reads = await Promise.all([api(double, `/predictions/${mine.json.id}`), api(double, '/predictions'), api(double, '/account')]);
    expect([mine.status, again.status, other.status]).toEqual([201, 429, 201]);
    expect(Number(/resets in ~(\d+)s\.$/.exec(again.json.detail)?.[1])).toBeGreaterThan(50);
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('has no limit unless asked', async () => {
    double = await startApiDouble({ timing: { startingMs: 10, processingMs: 10 } });
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await api(double, PRO, { body: { input: { prompt: `p${i}` } } })).status);
    expect(answers).toEqual(Array(10).fill(201));
  });
});
