import { z } from 'zod';
import { BillingRule } from './price-table';

/**
 * The ledger: one row per billed run, grouped by calendar month (UTC, so the background and every page
 * agree whatever the time zone). Rows are keyed by job and prediction: a duplicate event, a second
 * worker pass or a retry that resumes the same prediction writes the same key and never counts twice,
 * while a retry that had to create a new (and newly billed) prediction counts as what it is.
 */
export const LedgerEntry = z.object({
  jobId: z.string().min(1),
  predictionId: z.string().min(1).optional(),
  /** Integer micro-dollars. */
  micros: z.number().int().nonnegative(),
  model: z.string().min(1),
  provider: z.string().min(1),
  rule: BillingRule,
  /** Words for how the amount was worked out (price-table.ts basisOf). */
  basis: z.string(),
  /** When the run was billed (epoch ms). */
  at: z.number(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** Month key "YYYY-MM" → entry key → entry. */
export const Ledger = z.object({
  v: z.literal(1),
  months: z.record(z.string().regex(/^\d{4}-\d{2}$/), z.record(z.string().min(1), LedgerEntry)),
});
export type Ledger = z.infer<typeof Ledger>;

export const EMPTY_LEDGER: Ledger = { v: 1, months: {} };

/** The calendar month (UTC) of a time, as "YYYY-MM". */
export function monthKey(time: number): string {
  return new Date(time).toISOString().slice(0, 7);
}

/** The key one billed run is recorded under. */
export function entryKey(entry: Pick<LedgerEntry, 'jobId' | 'predictionId'>): string {
  return entry.predictionId ? `${entry.jobId} ${entry.predictionId}` : entry.jobId;
}

/** True when this run is already recorded, in whichever month. */
export function hasEntry(ledger: Ledger, key: string): boolean {
  return Object.values(ledger.months).some((entries) => key in entries);
}

/** The ledger with `entry` added; the same ledger object when it was already recorded (idempotent). */
export function addEntry(ledger: Ledger, entry: LedgerEntry): Ledger {
  const key = entryKey(entry);
  if (hasEntry(ledger, key)) return ledger;
  const month = monthKey(entry.at);
  return { ...ledger, months: { ...ledger.months, [month]: { ...ledger.months[month], [key]: entry } } };
}

/** One month's spending. */
export interface MonthTotal {
  month: string;
  micros: number;
  count: number;
}

/** Totals of every recorded month, newest first. */
export function monthTotals(ledger: Ledger): MonthTotal[] {
  return Object.entries(ledger.months)
    .map(([month, entries]) => {
      const rows = Object.values(entries);
      return { month, micros: rows.reduce((sum, row) => sum + row.micros, 0), count: rows.length };
    })
    .sort((a, b) => b.month.localeCompare(a.month));
}

/** What was spent in the month of `now`. */
export function monthTotal(ledger: Ledger, now: number): number {
  return Object.values(ledger.months[monthKey(now)] ?? {}).reduce((sum, row) => sum + row.micros, 0);
}

/** Reads a stored ledger; rows that do not validate are dropped rather than losing every month. */
export function readLedger(raw: unknown): Ledger {
  const whole = Ledger.safeParse(raw);
  if (whole.success) return whole.data;
  const months: Ledger['months'] = {};
  const record = typeof raw === 'object' && raw !== null && 'months' in raw ? (raw as { months: unknown }).months : undefined;
  if (typeof record !== 'object' || record === null) return EMPTY_LEDGER;
  for (const [month, entries] of Object.entries(record)) {
    if (!/^\d{4}-\d{2}$/.test(month) || typeof entries !== 'object' || entries === null) continue;
    for (const [key, value] of Object.entries(entries)) {
      const parsed = LedgerEntry.safeParse(value);
      if (parsed.success) months[month] = { ...months[month], [key]: parsed.data };
    }
  }
  return { v: 1, months };
}
