/**
 * What an edit costs, from the provider's published prices (there is no price in its answers).
 * Kontext on Replicate is billed per output image: a succeeded prediction costs one image's price;
 * a failed or canceled one without an output costs nothing. A reseller's endpoint may charge
 * differently, so the figure is an estimate by these rules. (Issue 6 makes the table editable.)
 */
export const PRICES_AS_OF = '2025-06';

/** US dollars per output image, by model, as published on the models' pages at PRICES_AS_OF. */
export const PRICE_PER_OUTPUT_IMAGE_USD: Readonly<Record<string, number>> = {
  'black-forest-labs/flux-kontext-pro': 0.04,
  'black-forest-labs/flux-kontext-max': 0.08,
};

/** A finished edit's cost: the amount and how it was worked out. */
export interface EditCost {
  usd: number;
  /** The rule and the table's date, shown next to the amount. */
  basis: string;
}

/** The cost of one succeeded edit of `model` (one output image), or undefined for a model not in the table. */
export function costOfSucceededEdit(model: string): EditCost | undefined {
  const usd = PRICE_PER_OUTPUT_IMAGE_USD[model];
  if (usd === undefined) return undefined;
  return { usd, basis: `one output image, published price of ${PRICES_AS_OF}` };
}

/** "$0.04", "$0.025", "$1.20". */
export function formatUsd(usd: number): string {
  return `$${usd < 0.1 ? usd.toFixed(3).replace(/0$/, '') : usd.toFixed(2)}`;
}
