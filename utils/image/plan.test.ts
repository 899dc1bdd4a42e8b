import { describe, expect, it } from 'vitest';
import {
  DEFAULT_JPEG_QUALITY,
  fitWithin,
  MIN_JPEG_QUALITY,
  MIN_LONG_SIDE,
  planNormalization,
  planSmaller,
  type ImageFacts,
  type NormalizePlan,
} from './plan';

const photo = (width: number, height: number, more: Partial<ImageFacts> = {}): ImageFacts => ({
  width,
  height,
  type: 'image/jpeg',
  bytes: 500_000,
  hasAlpha: false,
  ...more,
});

describe('planNormalization', () => {
  it.each([
    ['landscape over the cap', photo(4000, 3000), 1632, 1224],
    ['portrait over the cap', photo(3000, 4000), 1224, 1632],
    ['square over the cap', photo(3000, 3000), 1414, 1414],
    ['huge panorama', photo(40_000, 10_000), 2828, 707],
    ['tiny image (never upscaled)', photo(16, 9), 16, 9],
    ['exactly at the pixel cap', photo(2000, 1000), 2000, 1000],
    ['one pixel over the cap', photo(2001, 1000), 2000, 999],
    ['one-pixel-high strip longer than the side cap', photo(100_000, 1), 8192, 1],
    ['tall strip, area kept under the cap after clamping the thin side to 1', photo(1, 3_000_000, { type: 'image/png' }), 1, 8192],
  ])('sizes a %s within the caps, keeping integer dimensions', (_name, facts, width, height) => {
    const plan = planNormalization(facts);
    expect({ width: plan.width, height: plan.height }).toEqual({ width, height });
    expect(plan.width * plan.height).toBeLessThanOrEqual(2_000_000);
    expect(Number.isInteger(plan.width) && Number.isInteger(plan.height)).toBe(true);
  });

  it('keeps the aspect ratio within rounding when scaling down', () => {
    const plan = planNormalization(photo(6000, 4000));
    expect(plan.width / plan.height).toBeCloseTo(1.5, 2);
  });

  it('respects custom pixel and side limits', () => {
    expect(planNormalization(photo(1000, 1000), { maxPixels: 250_000 })).toMatchObject({ width: 500, height: 500 });
    expect(planNormalization(photo(1000, 500), { maxSide: 400 })).toMatchObject({ width: 400, height: 200 });
  });

  it.each([
    ['opaque JPEG', 'image/jpeg', photo(800, 600)],
    ['opaque PNG', 'image/jpeg', photo(800, 600, { type: 'image/png' })],
    ['transparent PNG', 'image/png', photo(800, 600, { type: 'image/png', hasAlpha: true })],
    ['transparent WebP', 'image/png', photo(800, 600, { type: 'image/webp', hasAlpha: true })],
    ['opaque GIF', 'image/jpeg', photo(800, 600, { type: 'image/gif' })],
  ])('encodes an %s as %s', (_name, type, facts) => {
    const plan = planNormalization(facts);
    expect(plan.type).toBe(type);
    expect(plan.quality).toBe(type === 'image/jpeg' ? DEFAULT_JPEG_QUALITY : undefined);
  });

  it('always re-encodes, even a small JPEG that already fits', () => {
    expect(planNormalization(photo(640, 480, { bytes: 40_000 })).reencode).toBe(true);
  });

  it('explains scaling and conversion in notes, and says nothing when nothing visible changed', () => {
    expect(planNormalization(photo(640, 480)).notes).toEqual([]);
    expect(planNormalization(photo(4000, 3000, { type: 'image/webp' })).notes).toEqual([
      'Scaled down from 4000×3000 to 1632×1224.',
      'Converted WebP to JPEG.',
    ]);
    expect(planNormalization(photo(10, 10, { type: 'image/gif', hasAlpha: true })).notes).toEqual([
      'Converted GIF to PNG to keep transparency.',
    ]);
  });

  it.each([
    ['an animated GIF', photo(400, 300, { type: 'image/gif', animated: true }), ['Only the first frame of the animated GIF is used.', 'Converted GIF to JPEG.']],
    ['a still GIF', photo(400, 300, { type: 'image/gif' }), ['Converted GIF to JPEG.']],
    ['an explicitly still GIF', photo(400, 300, { type: 'image/gif', animated: false }), ['Converted GIF to JPEG.']],
    ['an animated transparent WebP', photo(400, 300, { type: 'image/webp', animated: true, hasAlpha: true }), ['Only the first frame of the animated WebP is used.', 'Converted WebP to PNG to keep transparency.']],
    ['an animated PNG', photo(400, 300, { type: 'image/png', animated: true }), ['Only the first frame of the animated PNG is used.', 'Converted PNG to JPEG.']],
  ])('mentions the first frame only for %s', (_name, facts, notes) => {
    expect(planNormalization(facts).notes).toEqual(notes);
  });

  it('rejects a zero-sized image instead of dividing by zero', () => {
    expect(() => planNormalization(photo(0, 10))).toThrow(RangeError);
  });
});

describe('planSmaller', () => {
  const jpegPlan: NormalizePlan = { width: 1600, height: 1200, type: 'image/jpeg', quality: 0.9, reencode: true, notes: [] };
  const pngPlan: NormalizePlan = { width: 1600, height: 1200, type: 'image/png', reencode: true, notes: [] };

  it('returns null when the encoded image already fits', () => {
    expect(planSmaller(jpegPlan, 1_000_000, 1_000_000)).toBeNull();
  });

  it('lowers JPEG quality first when slightly over, keeping the size', () => {
    const next = planSmaller(jpegPlan, 1_300_000, 1_000_000);
    expect(next).toMatchObject({ width: 1600, height: 1200, quality: 0.8 });
  });

  it('scales down at once when far over, since quality alone cannot close the gap', () => {
    const next = planSmaller(jpegPlan, 4_000_000, 1_000_000);
    expect(next?.quality).toBe(0.9);
    expect(next!.width * next!.height).toBeLessThan((1600 * 1200) / 4);
    expect(next!.width / next!.height).toBeCloseTo(4 / 3, 2);
  });

  it('scales a PNG down (it has no quality to lower)', () => {
    const next = planSmaller(pngPlan, 1_200_000, 1_000_000);
    expect(next?.type).toBe('image/png');
    expect(next?.quality).toBeUndefined();
    expect(next!.width).toBeLessThan(1600);
    expect(next!.height).toBeLessThan(1200);
  });

  it('gives up rather than shrink below a usable size', () => {
    const small: NormalizePlan = { ...pngPlan, width: MIN_LONG_SIDE + 10, height: 100 };
    expect(planSmaller(small, 3_000_000, 1_000_000)).toBeNull();
  });

  it('keeps one up-to-date size note instead of piling them up', () => {
    let plan: NormalizePlan | null = { ...jpegPlan, notes: ['Converted WebP to JPEG.'] };
    plan = planSmaller(plan, 1_300_000, 1_000_000);
    plan = planSmaller(plan!, 1_200_000, 1_000_000);
    expect(plan!.notes).toEqual(['Converted WebP to JPEG.', 'To stay under 1 MB, JPEG quality was lowered to 70%.']);
  });

  it.each([
    ['a JPEG that barely shrinks with quality', jpegPlan],
    ['a PNG that never gets under the cap', pngPlan],
  ])('ends in a bounded number of steps for %s, never raising quality or size', (_name, start) => {
    // An encoder whose output stays 1.5× the cap whatever we ask: the sequence must still terminate.
    const steps: NormalizePlan[] = [];
    let plan: NormalizePlan | null = start;
    while (plan && steps.length < 100) {
      steps.push(plan);
      plan = planSmaller(plan, 1_500_000, 1_000_000);
    }
    expect(plan).toBeNull();
    expect(steps.length).toBeLessThan(30);
    for (let i = 1; i < steps.length; i += 1) {
      const [before, after] = [steps[i - 1]!, steps[i]!];
      expect(after.width * after.height).toBeLessThanOrEqual(before.width * before.height);
      expect(after.quality ?? 1).toBeLessThanOrEqual(before.quality ?? 1);
      expect(after.quality ?? 1).toBeGreaterThanOrEqual(start.type === 'image/jpeg' ? MIN_JPEG_QUALITY : 1);
    }
  });
});

describe('fitWithin', () => {
  it('never returns a dimension below 1', () => {
    expect(fitWithin(1, 10_000_000, 1000, 8192)).toEqual({ width: 1, height: 1000 });
  });
});
