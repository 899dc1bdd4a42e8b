import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { PriceOverrides } from './price-table';

/**
 * Spend settings, in their own storage item rather than the main settings: the options page saves
 * them from their own section, so neither form can overwrite the other's fields with stale values.
 */
export const SPEND_SETTINGS_KEY = 'local:spendSettings';

export const SpendSettings = z.object({
  v: z.literal(1).default(1),
  /** Monthly cap in integer micro-dollars; absent means no cap. */
  capMicros: z.number().int().positive().max(1_000_000 * 1_000_000).optional(),
  /** The user's prices, replacing built-in rows (price-table.ts priceKey). */
  prices: PriceOverrides.default({}),
});
export type SpendSettings = z.infer<typeof SpendSettings>;

export const DEFAULT_SPEND_SETTINGS: SpendSettings = SpendSettings.parse({});

const spendSettingsItem = storage.defineItem<unknown>(SPEND_SETTINGS_KEY, { fallback: {} });

/** Reads stored spend settings; a part that no longer validates falls back to its default alone. */
export function readSpendSettings(raw: unknown): SpendSettings {
  const whole = SpendSettings.safeParse(raw ?? {});
  if (whole.success) return whole.data;
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const cap = SpendSettings.shape.capMicros.safeParse(record.capMicros);
  const prices = SpendSettings.shape.prices.safeParse(record.prices);
  return { v: 1, capMicros: cap.success ? cap.data : undefined, prices: prices.success ? prices.data : {} };
}

/** Current spend settings. */
export async function getSpendSettings(): Promise<SpendSettings> {
  return readSpendSettings(await spendSettingsItem.getValue());
}

/** Saves validated spend settings. */
export async function saveSpendSettings(settings: SpendSettings): Promise<void> {
  await spendSettingsItem.setValue(SpendSettings.parse(settings));
}

/** Calls back with fresh spend settings whenever they change. */
export function watchSpendSettings(callback: (settings: SpendSettings) => void): () => void {
  return spendSettingsItem.watch((value) => callback(readSpendSettings(value)));
}
