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

const MonthKey = z.string().regex(/^\d{4}-\d{2}$/);
const MonthSummary = z.object({ micros: z.number().int().nonnegative(), count: z.number().int().nonnegative() });

/**
 * `months`: month key "YYYY-MM" → entry key → entry, for the last OPEN_MONTHS months. `closed`: older
 * months kept as totals only, so the item (read whole by the popup) stops growing with the years.
 */
export const Ledger = z.object({
  v: z.literal(1),
  months: z.record(MonthKey, z.record(z.string().min(1), LedgerEntry)),
  closed: z.record(MonthKey, MonthSummary).default({}),
});
export type Ledger = z.infer<typeof Ledger>;

export const EMPTY_LEDGER: Ledger = { v: 1, months: {}, closed: {} };

/** Months kept row by row (the current one and the eleven before it); older ones become totals. */
export const OPEN_MONTHS = 12;

/** The month `count` months before `month` ("2026-03", 3 → "2025-12"). */
function monthsBefore(month: string, count: number): string {
  const [year = 0, index = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, index - 1 - count, 1)).toISOString().slice(0, 7);
}

/** The ledger with the months before the last OPEN_MONTHS (counted back from `now`) folded into totals. */
export function closeOldMonths(ledger: Ledger, now: number): Ledger {
  const oldest = monthsBefore(monthKey(now), OPEN_MONTHS - 1);
  const old = Object.keys(ledger.months).filter((month) => month < oldest);
  if (old.length === 0) return ledger;
  const months = { ...ledger.months };
  const closed = { ...ledger.closed };
  for (const month of old) {
    const rows = Object.values(months[month] ?? {});
    const before = closed[month] ?? { micros: 0, count: 0 };
    closed[month] = { micros: before.micros + rows.reduce((sum, row) => sum + row.micros, 0), count: before.count + rows.length };
    delete months[month];
  }
  return { ...ledger, months, closed };
}

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
  const totals = new Map<string, MonthTotal>(Object.entries(ledger.closed).map(([month, sum]) => [month, { month, ...sum }]));
  for (const [month, entries] of Object.entries(ledger.months)) {
    const rows = Object.values(entries);
    const before = totals.get(month) ?? { month, micros: 0, count: 0 };
    totals.set(month, { month, micros: before.micros + rows.reduce((sum, row) => sum + row.micros, 0), count: before.count + rows.length });
  }
  return [...totals.values()].sort((a, b) => b.month.localeCompare(a.month));
}

/** What was spent in the month of `now`. */
export function monthTotal(ledger: Ledger, now: number): number {
  const month = monthKey(now);
  return (ledger.closed[month]?.micros ?? 0) + Object.values(ledger.months[month] ?? {}).reduce((sum, row) => sum + row.micros, 0);
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
  const closed = Ledger.shape.closed.safeParse((raw as { closed?: unknown }).closed);
  return { v: 1, months, closed: closed.success ? closed.data : {} };
}

/** What one job was billed, over all its runs in the months kept row by row; undefined when nothing is recorded. */
export function billedForJob(ledger: Ledger, jobId: string): { micros: number; basis: string } | undefined {
  const rows = Object.values(ledger.months).flatMap((entries) => Object.values(entries)).filter((row) => row.jobId === jobId);
  if (rows.length === 0) return undefined;
  const runs = rows.length === 1 ? '' : ` (${rows.length} billed runs)`;
  return { micros: rows.reduce((sum, row) => sum + row.micros, 0), basis: `${rows[0]!.basis}${runs}` };
}
