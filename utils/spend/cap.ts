import { formatMicros, percentOf } from './money';

/** From this share of the cap on, the prompt box warns. */
export const WARN_PERCENT = 80;

/**
 * Where the month stands against the cap:
 * - `no-cap`: none set;
 * - `ok`: under WARN_PERCENT;
 * - `warn`: at or over WARN_PERCENT, and this edit still fits;
 * - `at-cap`: this edit would take the month past the cap (or the cap is used up).
 */
export type CapStatus = 'no-cap' | 'ok' | 'warn' | 'at-cap';

/** The figures a cap decision is made from, all in integer micro-dollars. */
export interface CapFigures {
  /** Billed this month (the ledger). */
  spentMicros: number;
  /** Expected cost of edits accepted but not billed yet (running and queued jobs). */
  pendingMicros: number;
  /** This edit's price; undefined for a model without a known price (counted as free). */
  priceMicros?: number;
  capMicros?: number;
}

/** Decides where an edit stands against the monthly cap. */
export function capStatus({ spentMicros, pendingMicros, priceMicros = 0, capMicros }: CapFigures): CapStatus {
  if (capMicros === undefined) return 'no-cap';
  const committed = spentMicros + pendingMicros;
  if (committed >= capMicros || committed + priceMicros > capMicros) return 'at-cap';
  return percentOf(committed, capMicros) >= WARN_PERCENT ? 'warn' : 'ok';
}

/** The refusal people read when an edit would pass the cap. */
export function capRefusalMessage({ spentMicros, pendingMicros, priceMicros, capMicros = 0 }: CapFigures): string {
  const committed = formatMicros(spentMicros + pendingMicros);
  const price = priceMicros === undefined ? '' : ` This edit costs ${formatMicros(priceMicros)}.`;
  return `Monthly spending cap reached: ${committed} of ${formatMicros(capMicros)} is spent or committed this month.${price} Raise the cap on the options page (Spending) to continue.`;
}
