import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRICES, basisOf, effectivePrices, priceKey, priceOf, upfrontMicros } from './price-table';

const PRO = 'black-forest-labs/flux-kontext-pro';

describe('price table', () => {
  it('prices each built-in model at Replicate per output image', () => {
    const pro = priceOf('replicate', PRO, {});
    expect(pro).toMatchObject({ rule: 'per-output-image', micros: 40_000, source: 'built-in' });
    expect(basisOf(pro!)).toMatch(/one output image, published price of \d{4}-\d{2}/);
  });

  it('applies the user override of one row and leaves the others built-in', () => {
    const prices = effectivePrices({ [priceKey('replicate', PRO)]: 55_000 });
    expect(prices.find((row) => row.model === PRO)).toMatchObject({ micros: 55_000, source: 'override' });
    expect(prices.filter((row) => row.source === 'built-in')).toHaveLength(BUILT_IN_PRICES.length - 1);
    expect(basisOf(prices.find((row) => row.model === PRO)!)).toBe('one output image, your price');
  });

  it('knows no price for another provider or an unknown model', () => {
    expect(priceOf('elsewhere', PRO, {})).toBeUndefined();
    expect(priceOf('replicate', 'someone/else', {})).toBeUndefined();
  });

  it('bills an Other model the user priced by run time, and never reprices a built-in model that way', () => {
    const other = priceOf('replicate', 'someone/else', { [priceKey('replicate', 'someone/else')]: 725 });
    expect(other).toMatchObject({ rule: 'per-second', micros: 725, source: 'override' });
    expect(basisOf(other!)).toBe('run time, your price');
    expect(upfrontMicros(other)).toBeUndefined();
    expect(upfrontMicros(priceOf('replicate', PRO, {}))).toBe(40_000);
    // Kontext [dev] has no Black Forest Labs row: a stray override there does not make it time-billed.
    expect(priceOf('bfl', 'black-forest-labs/flux-kontext-dev', { [priceKey('bfl', 'black-forest-labs/flux-kontext-dev')]: 1 })).toBeUndefined();
  });
});
