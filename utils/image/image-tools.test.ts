import { describe, expect, it } from 'vitest';
import { scaledDecodeSize } from './image-tools';

/** Chrome's rule (JPEGImageDecoder::DesiredScaleNumerator): floor(8·√(desired area / source area)), at most 8. */
function chromeScale(source: { width: number; height: number }, desired: { width: number; height: number }): number {
  return Math.min(8, Math.floor(Math.sqrt((desired.width * desired.height) / (source.width * source.height)) * 8));
}

describe('scaledDecodeSize', () => {
  it.each([
    ['50 MP to the 2 MP cap', { width: 8660, height: 5774 }, { width: 1731, height: 1154 }, { width: 2165, height: 1444 }],
    ['a 12 MP photo to 2 MP', { width: 4000, height: 3000 }, { width: 1632, height: 1224 }, { width: 2000, height: 1500 }],
    ['150 MP to 2 MP', { width: 15000, height: 10000 }, { width: 1732, height: 1154 }, { width: 1875, height: 1250 }],
    ['a target as large as the source', { width: 800, height: 600 }, { width: 800, height: 600 }, { width: 800, height: 600 }],
    ['a tiny thumbnail', { width: 8000, height: 6000 }, { width: 100, height: 75 }, { width: 1000, height: 750 }],
  ])('asks for the n/8 size at or above the target: %s', (_name, source, target, expected) => {
    expect(scaledDecodeSize(source, target)).toEqual(expected);
  });

  it('makes Chrome pick a scale whose result is never smaller than the target, for many shapes', () => {
    for (let width = 1000; width <= 20000; width += 1379) {
      for (let height = 700; height <= 15000; height += 1117) {
        const scale = Math.min(1, Math.sqrt(2_000_000 / (width * height)));
        const target = { width: Math.floor(width * scale), height: Math.floor(height * scale) };
        const n = chromeScale({ width, height }, scaledDecodeSize({ width, height }, target));
        expect(Math.ceil((width * n) / 8)).toBeGreaterThanOrEqual(target.width);
        expect(Math.ceil((height * n) / 8)).toBeGreaterThanOrEqual(target.height);
        // …and no larger a scale than needed.
        if (n > 1) expect(Math.ceil((width * (n - 1)) / 8) < target.width || Math.ceil((height * (n - 1)) / 8) < target.height).toBe(true);
      }
    }
  });
});
