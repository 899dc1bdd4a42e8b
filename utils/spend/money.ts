/**
 * Money as integer micro-dollars (1 USD = 1 000 000): sums of many small prices stay exact, where
 * adding 0.04 in floating point drifts (0.1 + 0.2 !== 0.3).
 */
export const MICROS_PER_USD = 1_000_000;

/** Dollars (as typed or published) to integer micro-dollars, rounded to the nearest micro-dollar. */
export function usdToMicros(usd: number): number {
  return Math.round(usd * MICROS_PER_USD);
}

/** Micro-dollars to dollars, for places that store dollars (history entries). */
export function microsToUsd(micros: number): number {
  return micros / MICROS_PER_USD;
}

/**
 * "$0.04", "$0.025", "$1.20": tenths of a cent below ten cents (prices like $0.025 exist), cents
 * above. Rounded half up on integers, so the figure never depends on float printing.
 */
export function formatMicros(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const value = Math.abs(Math.round(micros));
  if (value < 100_000) {
    const mills = Math.floor((value + 500) / 1000);
    const text = `0.${String(mills).padStart(3, '0')}`;
    return `${sign}$${text.endsWith('0') ? text.slice(0, -1) : text}`;
  }
  const cents = Math.floor((value + 5000) / 10_000);
  return `${sign}$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Share of `cap` that `amount` is, in whole percent rounded down (84.9 % reads "84 %", never early 85). */
export function percentOf(amount: number, cap: number): number {
  return cap <= 0 ? 100 : Math.floor((amount * 100) / cap);
}
