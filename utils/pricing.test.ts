import { describe, expect, it } from 'vitest';
import { costOfSucceededEdit, formatUsd, PRICE_PER_OUTPUT_IMAGE_USD } from './pricing';

describe('pricing', () => {
  it('bills a succeeded Kontext edit one output image at the published price', () => {
    expect(costOfSucceededEdit('black-forest-labs/flux-kontext-pro')).toMatchObject({ usd: 0.04 });
    expect(costOfSucceededEdit('black-forest-labs/flux-kontext-max')?.usd).toBe(PRICE_PER_OUTPUT_IMAGE_USD['black-forest-labs/flux-kontext-max']);
    expect(costOfSucceededEdit('black-forest-labs/flux-kontext-pro')?.basis).toMatch(/one output image/);
  });

  it('claims no figure for a model it has no price for', () => {
    expect(costOfSucceededEdit('someone/else')).toBeUndefined();
  });

  it('writes dollar amounts as people read them', () => {
    expect([0.04, 0.08, 0.025, 0.5, 1.2].map(formatUsd)).toEqual(['$0.04', '$0.08', '$0.025', '$0.50', '$1.20']);
  });
});
