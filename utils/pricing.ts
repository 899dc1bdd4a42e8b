/**
 * What an edit costs, from the provider's published prices (there is no price in its answers).
 * Kontext on Replicate is billed per output image: a succeeded prediction costs one image's price;
 * a failed or canceled one without an output costs nothing. A reseller's endpoint may charge
 * differently, so the figure is an estimate by these rules. The table itself, its billing rules and
 * the user's overrides live in spend/price-table.ts; this module keeps the built-in view of it.
 */
import { BUILT_IN_PRICES, BUILT_IN_PRICES_AS_OF, basisOf } from './spend/price-table';
import { formatMicros, microsToUsd, usdToMicros } from './spend/money';

export const PRICES_AS_OF = BUILT_IN_PRICES_AS_OF;

/** US dollars per output image, by model, as published on the models' pages at PRICES_AS_OF. */
export const PRICE_PER_OUTPUT_IMAGE_USD: Readonly<Record<string, number>> = Object.fromEntries(
  BUILT_IN_PRICES.filter((row) => row.provider === 'replicate' && row.rule === 'per-output-image')
    .map((row) => [row.model, microsToUsd(row.micros)]),
);

/** A finished edit's cost: the amount and how it was worked out. */
export interface EditCost {
  usd: number;
  /** The rule and the table's date, shown next to the amount. */
  basis: string;
}

/** The cost of one succeeded edit of `model` (one output image, built-in price), or undefined for a model not in the table. */
export function costOfSucceededEdit(model: string): EditCost | undefined {
  const row = BUILT_IN_PRICES.find((r) => r.provider === 'replicate' && r.model === model && r.rule === 'per-output-image');
  if (!row) return undefined;
  return { usd: microsToUsd(row.micros), basis: basisOf({ ...row, source: 'built-in' }) };
}

/** "$0.04", "$0.025", "$1.20". */
export function formatUsd(usd: number): string {
  return formatMicros(usdToMicros(usd));
}
