import { describe, expect, it } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { monthTotal } from './ledger';
import { getLedger } from './ledger-store';
import { capRefusalForCreate, quoteEdit, recordIfBilled } from './spend-gate';
import { DEFAULT_SETTINGS } from '../settings';
import { saveSettings } from '../settings-store';
import { saveSpendSettings } from './spend-settings';
import { priceKey } from './price-table';

const NOW = Date.UTC(2026, 10, 15);
const PRO = 'black-forest-labs/flux-kontext-pro';
const billed = (id: string) => makeJob({ id, phase: 'downloading', predictionId: `p-${id}`, outputUrl: 'https://x/o.png' });

describe('spend gate', () => {
  it('records a billed job once however many updates report it', async () => {
    const job = billed('a');
    await recordIfBilled(job, NOW);
    await recordIfBilled({ ...job, phase: 'done', completedAt: NOW + 1000 }, NOW + 1000);
    await Promise.all([recordIfBilled(job, NOW), recordIfBilled(job, NOW)]);
    expect(monthTotal(await getLedger(), NOW)).toBe(40_000);
  });

  it('bills a request at Black Forest Labs when it is accepted, by the provider chosen in settings', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, provider: 'bfl' });
    await recordIfBilled(makeJob({ phase: 'failed', predictionId: 'https://bfl/poll?id=1', remoteStatus: 'failed' }), NOW);
    const rows = Object.values((await getLedger()).months['2026-11'] ?? {});
    expect(rows).toMatchObject([{ provider: 'bfl', rule: 'per-request', micros: 40_000 }]);
  });

  it('records nothing for a job without an output', async () => {
    await recordIfBilled(makeJob({ phase: 'failed', predictionId: 'p', remoteStatus: 'failed' }), NOW);
    expect((await getLedger()).months).toEqual({});
  });

  it('quotes a time-billed Other model by its price a second, with no price for the edit up front', async () => {
    await saveSpendSettings({ v: 1, prices: { [priceKey('replicate', 'someone/restyle')]: 725 } });
    const quote = await quoteEdit('someone/restyle', 'replicate', [makeJob({ id: 'r', model: 'someone/restyle', phase: 'polling', predictionId: 'p-r' })], NOW);
    expect(quote).toMatchObject({ perSecondMicros: 725, priceMicros: undefined, pendingMicros: 0 });
  });

  it('quotes the price, what is spent and what is running against the cap', async () => {
    await saveSpendSettings({ v: 1, capMicros: 200_000, prices: {} });
    for (const id of ['a', 'b', 'c']) await recordIfBilled(billed(id), NOW);
    const quote = await quoteEdit(PRO, 'replicate', [makeJob({ id: 'r', phase: 'polling', predictionId: 'pr' })], NOW);
    expect(quote).toMatchObject({ priceMicros: 40_000, spentMicros: 120_000, pendingMicros: 40_000, capMicros: 200_000, status: 'warn' });
    const full = await quoteEdit(PRO, 'replicate', [makeJob({ id: 'r' }), makeJob({ id: 's' })], NOW);
    expect(full.status).toBe('at-cap');
  });

  it('stops a queued job at its create when the jobs ahead of it fill the cap', async () => {
    await saveSpendSettings({ v: 1, capMicros: 80_000, prices: {} });
    const first = makeJob({ id: 'first', createdAt: 1, phase: 'creating' });
    const second = makeJob({ id: 'second', createdAt: 2, phase: 'creating' });
    const third = makeJob({ id: 'third', createdAt: 3, phase: 'creating' });
    const jobs = [first, second, third];
    expect(await capRefusalForCreate(first, jobs, NOW)).toBeUndefined();
    expect(await capRefusalForCreate(second, jobs, NOW)).toBeUndefined();
    const refusal = await capRefusalForCreate(third, jobs, NOW);
    expect(refusal).toMatchObject({ type: 'FAILED', error: { code: 'spend-cap', message: expect.stringMatching(/Monthly spending cap reached/) } });
  });

  it('lets every job create when no cap is set', async () => {
    const jobs = Array.from({ length: 5 }, (_, n) => makeJob({ id: `j${n}`, createdAt: n, phase: 'creating' }));
    for (const job of jobs) expect(await capRefusalForCreate(job, jobs, NOW)).toBeUndefined();
  });
});
