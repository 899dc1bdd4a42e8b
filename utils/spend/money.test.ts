import { describe, expect, it } from 'vitest';
import { formatMicros, percentOf, usdToMicros } from './money';

describe('money in micro-dollars', () => {
  it('adds a hundred 4-cent edits to exactly four dollars, where floats drift', () => {
    const prices = Array.from({ length: 100 }, () => 0.04);
    const floatSum = prices.reduce((sum, usd) => sum + usd, 0);
    const microSum = prices.map(usdToMicros).reduce((sum, micros) => sum + micros, 0);
    expect(floatSum).not.toBe(4);
    expect(microSum).toBe(usdToMicros(4));
    expect(formatMicros(microSum)).toBe('$4.00');
  });

  it('rounds typed dollars to whole micro-dollars', () => {
    expect(usdToMicros(0.1 + 0.2)).toBe(300_000);
    expect(Number.isInteger(usdToMicros(0.0333333333))).toBe(true);
  });

  it('writes tenths of a cent below ten cents and cents above, rounding half up', () => {
    expect([40_000, 25_000, 80_000, 500_000, 1_200_000, 1_235_000, 1_234_999, 0].map(formatMicros))
      .toEqual(['$0.04', '$0.025', '$0.08', '$0.50', '$1.20', '$1.24', '$1.23', '$0.00']);
    expect(formatMicros(12_345_678_000)).toBe('$12345.68');
  });

  it('counts a share of the cap in whole percent, rounded down', () => {
    expect(percentOf(7_999_999, 10_000_000)).toBe(79);
    expect(percentOf(8_000_000, 10_000_000)).toBe(80);
    expect(percentOf(1, 0)).toBe(100);
  });
});
