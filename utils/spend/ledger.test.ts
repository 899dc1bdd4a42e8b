import { describe, expect, it } from 'vitest';
import { addEntry, billedForJob, closeOldMonths, EMPTY_LEDGER, monthKey, monthTotal, monthTotals, readLedger, type LedgerEntry } from './ledger';

const NOV = Date.UTC(2026, 10, 15);
const OCT = Date.UTC(2026, 9, 3);

function entry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    jobId: 'job-1', predictionId: 'p-1', micros: 40_000, model: 'black-forest-labs/flux-kontext-pro',
    provider: 'replicate', rule: 'per-output-image', basis: 'one output image', at: NOV, ...overrides,
  };
}

describe('ledger', () => {
  it('files a billed run under its UTC month', () => {
    expect(monthKey(Date.UTC(2026, 10, 30, 23, 59))).toBe('2026-11');
    expect(monthKey(Date.UTC(2026, 11, 1, 0, 0))).toBe('2026-12');
  });

  it('records the same run once, however often it is reported', () => {
    const once = addEntry(EMPTY_LEDGER, entry());
    const twice = addEntry(once, entry({ at: NOV + 5000 }));
    expect(twice).toBe(once);
    // Even when the second report lands in another month.
    expect(addEntry(once, entry({ at: Date.UTC(2026, 11, 2) }))).toBe(once);
    expect(monthTotal(twice, NOV)).toBe(40_000);
  });

  it('counts a new prediction of a retried job as a second billed run', () => {
    const ledger = addEntry(addEntry(EMPTY_LEDGER, entry()), entry({ predictionId: 'p-2' }));
    expect(monthTotal(ledger, NOV)).toBe(80_000);
  });

  it('totals each month, newest first, in exact micro-dollars', () => {
    let ledger = EMPTY_LEDGER;
    for (let n = 0; n < 30; n++) ledger = addEntry(ledger, entry({ jobId: `n${n}`, micros: 40_000 }));
    ledger = addEntry(ledger, entry({ jobId: 'old', micros: 80_000, at: OCT }));
    expect(monthTotals(ledger)).toEqual([
      { month: '2026-11', micros: 1_200_000, count: 30 },
      { month: '2026-10', micros: 80_000, count: 1 },
    ]);
    expect(monthTotal(ledger, Date.UTC(2026, 8, 1))).toBe(0);
  });

  it('folds months older than a year into totals, keeping every figure', () => {
    let ledger = EMPTY_LEDGER;
    ledger = addEntry(ledger, entry({ jobId: 'a', at: Date.UTC(2025, 10, 30) }));
    ledger = addEntry(ledger, entry({ jobId: 'b', at: Date.UTC(2025, 10, 2) }));
    ledger = addEntry(ledger, entry({ jobId: 'c', at: Date.UTC(2025, 11, 1) }));
    const before = monthTotals(ledger);
    const closed = closeOldMonths(ledger, NOV);
    expect(Object.keys(closed.months)).toEqual(['2025-12']);
    expect(closed.closed).toEqual({ '2025-11': { micros: 80_000, count: 2 } });
    expect(monthTotals(closed)).toEqual(before);
    expect(closeOldMonths(closed, NOV)).toBe(closed);
  });

  it('keeps the readable rows of a damaged stored ledger', () => {
    const raw = { v: 1, months: { '2026-11': { a: entry({ jobId: 'a' }), b: { micros: 'lots' } }, nonsense: {} } };
    const read = readLedger(raw);
    expect(Object.keys(read.months['2026-11'] ?? {})).toEqual(['a']);
    expect(readLedger('garbage')).toEqual(EMPTY_LEDGER);
  });

  it('tells what one job was billed, over every run of it, and nothing for an unbilled job', () => {
    const at = Date.UTC(2026, 10, 3);
    const base = { model: 'black-forest-labs/flux-kontext-pro', provider: 'replicate', rule: 'per-output-image', basis: 'one output image, your price', at } as const;
    let ledger = addEntry(EMPTY_LEDGER, { ...base, jobId: 'a', predictionId: 'p1', micros: 50_000 });
    expect(billedForJob(ledger, 'a')).toEqual({ micros: 50_000, basis: 'one output image, your price' });
    ledger = addEntry(ledger, { ...base, jobId: 'a', predictionId: 'p2', micros: 50_000, at: Date.UTC(2026, 11, 1) });
    expect(billedForJob(ledger, 'a')).toEqual({ micros: 100_000, basis: 'one output image, your price (2 billed runs)' });
    expect(billedForJob(ledger, 'b')).toBeUndefined();
  });
});
