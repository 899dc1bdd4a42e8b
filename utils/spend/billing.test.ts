import { describe, expect, it } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { billedEntry, pendingMicros, REPORTED_BASIS } from './billing';
import { addEntry, EMPTY_LEDGER } from './ledger';
import { priceKey } from './price-table';

const NOW = Date.UTC(2026, 10, 15);
const MAX = 'black-forest-labs/flux-kontext-max';

describe('billing by rule', () => {
  it('bills a Kontext prediction once it succeeded with an output', () => {
    const job = makeJob({ phase: 'downloading', predictionId: 'p-1', remoteStatus: 'succeeded', outputUrl: 'https://x/out.png' });
    expect(billedEntry(job, {}, NOW)).toMatchObject({ jobId: 'job-1', predictionId: 'p-1', micros: 40_000, rule: 'per-output-image', at: NOW });
  });

  it.each([
    ['failed', makeJob({ phase: 'failed', predictionId: 'p-1', remoteStatus: 'failed' })],
    ['canceled', makeJob({ phase: 'canceled', predictionId: 'p-1', remoteStatus: 'canceled' })],
    ['aborted', makeJob({ phase: 'failed', predictionId: 'p-1', remoteStatus: 'aborted' })],
    ['still running', makeJob({ phase: 'polling', predictionId: 'p-1', remoteStatus: 'processing' })],
  ])('does not bill a %s prediction without output', (_name, job) => {
    expect(billedEntry(job, {}, NOW)).toBeUndefined();
  });

  it('bills a Black Forest Labs request once accepted, even when it then fails', () => {
    const bfl = (overrides: Parameters<typeof makeJob>[0]) => makeJob({ ...overrides, provider: 'bfl' });
    expect(billedEntry(bfl({ phase: 'failed', predictionId: 'https://bfl/poll?id=1', remoteStatus: 'failed' }), {}, NOW))
      .toMatchObject({ provider: 'bfl', rule: 'per-request', micros: 40_000 });
    expect(billedEntry(bfl({ phase: 'creating' }), {}, NOW)).toBeUndefined();
  });

  it('bills what the provider reported for a request over any table price, once it has the request', () => {
    const reported = makeJob({ provider: 'bfl', model: 'some/model-not-in-the-table', phase: 'polling', predictionId: 'https://bfl/poll?id=2', reportedCostMicros: 55_000 });
    expect(billedEntry(reported, { [priceKey('bfl', MAX)]: 1 }, NOW)).toMatchObject({ micros: 55_000, rule: 'per-request', basis: REPORTED_BASIS });
    expect(billedEntry({ ...reported, model: MAX }, { [priceKey('bfl', MAX)]: 1 }, NOW)).toMatchObject({ micros: 55_000 });
  });

  it.each<[string, Parameters<typeof makeJob>[0], number | undefined]>([
    ['succeeded after 3.2 s', { phase: 'done', remoteStatus: 'succeeded', outputUrl: 'u', predictTime: 3.2 }, 2_320],
    ['failed after 1.5 s', { phase: 'failed', remoteStatus: 'failed', predictTime: 1.5 }, 1_088],
    ['canceled after 2 s (it ran: billed)', { phase: 'canceled', remoteStatus: 'canceled', predictTime: 2 }, 1_450],
    ['aborted before it started (not billed)', { phase: 'failed', remoteStatus: 'aborted', predictTime: 0 }, undefined],
    ['still running', { phase: 'polling', remoteStatus: 'processing' }, undefined],
  ])('bills a time-billed Other model by the seconds it ran: %s', (_name, fields, micros) => {
    const other = 'someone/restyle';
    const job = makeJob({ model: other, predictionId: 'p-9', ...fields });
    const entry = billedEntry(job, { [priceKey('replicate', other)]: 725 }, NOW);
    expect(entry?.micros).toBe(micros);
    if (micros !== undefined) expect(entry).toMatchObject({ rule: 'per-second', basis: 'run time, your price' });
  });

  it('bills at the user price when one is set', () => {
    const job = makeJob({ model: MAX, phase: 'done', predictionId: 'p-1', outputUrl: 'u', completedAt: NOW - 1 });
    expect(billedEntry(job, { [priceKey('replicate', MAX)]: 70_000 }, NOW)).toMatchObject({ micros: 70_000, at: NOW - 1, basis: 'one output image, your price' });
  });

  it('expects every running or waiting job to be billed until the ledger has it', () => {
    const jobs = [
      makeJob({ id: 'a', phase: 'creating' }),
      makeJob({ id: 'b', model: MAX, phase: 'polling', predictionId: 'pb' }),
      makeJob({ id: 'c', phase: 'downloading', predictionId: 'pc', outputUrl: 'u' }),
      makeJob({ id: 'd', phase: 'done', predictionId: 'pd', outputUrl: 'u' }),
      makeJob({ id: 'e', phase: 'failed' }),
    ];
    expect(pendingMicros(jobs, EMPTY_LEDGER, {})).toBe(40_000 + 80_000 + 40_000);
    const ledger = addEntry(EMPTY_LEDGER, billedEntry(jobs[2]!, {}, NOW)!);
    expect(pendingMicros(jobs, ledger, {})).toBe(40_000 + 80_000);
  });
});
