import { z } from 'zod';
import { usdToMicros } from './money';

/** Largest amount a field accepts, in dollars: far above any real month, well inside safe integers. */
const MAX_USD = 1_000_000;

/** A dollar amount as typed ("10", "$10.50", "0.04"): positive, at most a millionth of precision. */
export const UsdInput = z
  .string()
  .trim()
  .transform((value) => value.replace(/^\$/, '').replace(/,/g, ''))
  .refine((value) => /^\d+(\.\d{0,6})?$|^\.\d{1,6}$/.test(value), 'Enter an amount in dollars, such as 10 or 0.04.')
  .transform(Number)
  .refine((usd) => usd <= MAX_USD, `Enter at most $${MAX_USD.toLocaleString('en-US')}.`)
  .transform(usdToMicros);

/** The cap as typed: empty means no cap; otherwise a positive amount in micro-dollars. */
export function parseCapInput(text: string): { ok: true; micros?: number } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true };
  const parsed = UsdInput.safeParse(text);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Enter an amount in dollars.' };
  if (parsed.data <= 0) return { ok: false, message: 'Enter an amount above $0, or leave it empty for no cap.' };
  return { ok: true, micros: parsed.data };
}

/** A price as typed: zero or more dollars per unit, in micro-dollars. */
export function parsePriceInput(text: string): { ok: true; micros: number } | { ok: false; message: string } {
  const parsed = UsdInput.safeParse(text);
  return parsed.success ? { ok: true, micros: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? 'Enter an amount in dollars.' };
}

/** "2026-11" → "November 2026" (months are UTC calendar months, ledger.ts). */
export function monthLabel(month: string): string {
  const [year, index] = month.split('-').map(Number);
  if (!year || !index) return month;
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, index - 1, 1));
}

/** Micro-dollars as the text of an input field ("0.04", "10"). */
export function microsToInput(micros: number): string {
  return String(micros / 1_000_000);
}
