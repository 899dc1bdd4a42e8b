import { describe, expect, it } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { createJobService } from '../job-service';
import { addJob, getJob, getJobs } from '../job-store';
import { setApiKey } from '../secret-store';
import { monthTotal } from './ledger';
import { getLedger } from './ledger-store';
import { SpendCapError } from './spend-gate';
import { saveSpendSettings } from './spend-settings';

const NOW = Date.UTC(2026, 10, 15);
const PRICE = 40_000;
const image = { width: 800, height: 600, bytes: 100_000, type: 'image/jpeg' };
const request = { source: { kind: 'job' as const, jobId: 'x' }, prompt: 'make it blue', aspectRatio: 'match_input_image' as const, outputFormat: 'png' as const };

/** A service whose provider answers every create with a succeeded prediction that has an output. */
function createService({ acquireNever = false } = {}) {
  const creates: string[] = [];
  let ids = 0;
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as { input: { prompt: string } };
    creates.push(body.input.prompt);
    const prediction = { id: `p-${body.input.prompt}`, status: 'succeeded', input: body.input, output: 'https://replicate.delivery/out.png' };
    return new Response(JSON.stringify(prediction), { status: 201, headers: { 'content-type': 'application/json' } });
  };
  const service = createJobService({
    now: () => NOW,
    random: () => 0.5,
    newId: () => `job-${++ids}`,
    io: {
      acquireInput: acquireNever ? () => new Promise(() => undefined) : async () => image,
      inputImage: async () => 'data:image/jpeg;base64,AAAA',
      downloadResult: async () => image,
    },
    fetch,
    recordDiagnostic: async () => undefined,
  });
  return { service, creates };
}

describe('spend control in the job service', () => {
  it('refuses a start that would pass the cap, counting the edits still running', async () => {
    await saveSpendSettings({ v: 1, capMicros: 2 * PRICE, prices: {} });
    const { service } = createService({ acquireNever: true });
    await service.start(request, { kind: 'job', jobId: 'x' });
    await service.start(request, { kind: 'job', jobId: 'x' });
    await expect(service.start(request, { kind: 'job', jobId: 'x' })).rejects.toThrow(SpendCapError);
    expect(await getJobs()).toHaveLength(2);
  });

  it('lets ten quick clicks start only what the cap can pay for', async () => {
    await saveSpendSettings({ v: 1, capMicros: 4 * PRICE, prices: {} });
    const { service } = createService({ acquireNever: true });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => service.start(request, { kind: 'job', jobId: 'x' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect(await getJobs()).toHaveLength(4);
  });

  it('records a succeeded edit in the ledger once, through downloading and done', async () => {
    await setApiKey('r8_test');
    const { service } = createService();
    const job = await service.start(request, { kind: 'job', jobId: 'x' });
    await expect.poll(async () => (await getJob(job.id))?.phase).toBe('done');
    const ledger = await getLedger();
    expect(monthTotal(ledger, NOW)).toBe(PRICE);
    expect(Object.keys(ledger.months['2026-11'] ?? {})).toEqual([`${job.id} p-make it blue`]);
  });

  it('fails a queued job at its create instead of billing past the cap', async () => {
    await setApiKey('r8_test');
    await saveSpendSettings({ v: 1, capMicros: PRICE, prices: {} });
    const { service, creates } = createService();
    for (const n of [1, 2]) await addJob(makeJob({ id: `q${n}`, prompt: `edit ${n}`, createdAt: n, phase: 'creating', image }));
    await service.runQueue(await getJobs());
    await expect.poll(async () => (await getJob('q2'))?.phase).toBe('failed');
    expect((await getJob('q2'))?.error?.message).toMatch(/Monthly spending cap reached/);
    await expect.poll(async () => (await getJob('q1'))?.phase).toBe('done');
    expect(creates).toEqual(['edit 1']);
  });
});
