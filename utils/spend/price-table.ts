import { z } from 'zod';
import { usdToMicros } from './money';

/** Providers an edit can be billed by. 'replicate' covers any Replicate-compatible base URL; 'bfl' is Black Forest Labs' own API. */
export const PROVIDER_IDS = ['replicate', 'bfl'] as const;

/** Names people read for provider ids. */
export const PROVIDER_LABELS: Record<string, string> = { replicate: 'Replicate', bfl: 'Black Forest Labs' };

/**
 * How a provider bills a run:
 * - `per-output-image`: only a run that succeeded with an output is billed (Kontext on Replicate);
 *   failed, canceled and aborted runs cost nothing.
 * - `per-second`: billed by run time; a canceled run is billed for the time it ran, an aborted one
 *   (stopped before it started) is not.
 * - `per-request`: billed when the provider accepts the request, whatever its outcome (Black Forest
 *   Labs' API answers each accepted request with its cost in credits, 1 credit = $0.01).
 */
export const BillingRule = z.enum(['per-output-image', 'per-second', 'per-request']);
export type BillingRule = z.infer<typeof BillingRule>;

/** The rule as written next to the table and the ledger's rows. */
export const BILLING_RULE_TEXT: Record<BillingRule, string> = {
  'per-output-image': 'Billed per output image: only a succeeded edit with an output is charged; failed, canceled and aborted ones cost nothing.',
  'per-second': 'Billed by run time: a canceled run is charged for the time it ran; an aborted one (never started) is not.',
  'per-request': 'Billed per accepted request: charged once the provider takes the request, whether or not it ends with an image.',
};

/** One row of the price table: what one unit of `rule` costs for a model at a provider. */
export const PriceRow = z.object({
  provider: z.string().min(1),
  model: z.string().min(1),
  rule: BillingRule,
  /** Integer micro-dollars per unit (an output image, or a second). */
  micros: z.number().int().nonnegative(),
});
export type PriceRow = z.infer<typeof PriceRow>;

/** When the built-in prices were read from the providers' model pages. */
export const BUILT_IN_PRICES_AS_OF = '2025-06';

/** The prices shipped with the extension, as published at BUILT_IN_PRICES_AS_OF. */
export const BUILT_IN_PRICES: readonly PriceRow[] = [
  { provider: 'replicate', model: 'black-forest-labs/flux-kontext-pro', rule: 'per-output-image', micros: usdToMicros(0.04) },
  { provider: 'replicate', model: 'black-forest-labs/flux-kontext-max', rule: 'per-output-image', micros: usdToMicros(0.08) },
  // $0.025 per output image, as published on the model's Replicate page (black-forest-labs/flux-kontext-dev)
  // at BUILT_IN_PRICES_AS_OF; Black Forest Labs' API has no Kontext [dev] endpoint, so no 'bfl' row.
  { provider: 'replicate', model: 'black-forest-labs/flux-kontext-dev', rule: 'per-output-image', micros: usdToMicros(0.025) },
  // Black Forest Labs charges credits per request: 4 for pro, 8 for max (1 credit = $0.01).
  { provider: 'bfl', model: 'black-forest-labs/flux-kontext-pro', rule: 'per-request', micros: usdToMicros(0.04) },
  { provider: 'bfl', model: 'black-forest-labs/flux-kontext-max', rule: 'per-request', micros: usdToMicros(0.08) },
];

/** Key of a row in the user's overrides: provider and model (model names contain a slash, never a space). */
export function priceKey(provider: string, model: string): string {
  return `${provider} ${model}`;
}

/** User overrides: micro-dollars per unit by priceKey. */
export const PriceOverrides = z.record(z.string().min(1).max(300), z.number().int().nonnegative().max(1_000_000_000));
export type PriceOverrides = z.infer<typeof PriceOverrides>;

/** A price in effect: the row, and whether the user set it or the built-in table did. */
export interface EffectivePrice extends PriceRow {
  source: 'built-in' | 'override';
}

/** The built-in table with the user's overrides applied. */
export function effectivePrices(overrides: PriceOverrides): EffectivePrice[] {
  return BUILT_IN_PRICES.map((row) => {
    const override = overrides[priceKey(row.provider, row.model)];
    return override === undefined ? { ...row, source: 'built-in' } : { ...row, micros: override, source: 'override' };
  });
}

/**
 * The row of a model outside the built-in table (an "Other model" on Replicate) once the user has
 * priced it: Replicate bills its public models by run time, so the price is per second.
 */
export function timeBilledRow(provider: string, model: string, overrides: PriceOverrides): EffectivePrice | undefined {
  const micros = overrides[priceKey(provider, model)];
  return micros === undefined ? undefined : { provider, model, rule: 'per-second', micros, source: 'override' };
}

/** The price in effect for one model at one provider, or undefined when the table has none. */
export function priceOf(provider: string, model: string, overrides: PriceOverrides): EffectivePrice | undefined {
  return effectivePrices(overrides).find((row) => row.provider === provider && row.model === model)
    ?? (BUILT_IN_PRICES.some((row) => row.model === model) ? undefined : timeBilledRow(provider, model, overrides));
}

/** What one more edit costs up front, or undefined when it cannot be known before it runs (billed by time). */
export function upfrontMicros(price: EffectivePrice | undefined): number | undefined {
  return price && price.rule !== 'per-second' ? price.micros : undefined;
}

/** The rule's short words for a ledger row and the history ("one output image, price of 2025-06"). */
export function basisOf(price: EffectivePrice): string {
  const unit = { 'per-output-image': 'one output image', 'per-second': 'run time', 'per-request': 'one request' }[price.rule];
  return price.source === 'override' ? `${unit}, your price` : `${unit}, published price of ${BUILT_IN_PRICES_AS_OF}`;
}
