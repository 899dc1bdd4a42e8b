// Helpers the corpus tests judge sent images with (tests/e2e/corpus-check.ts, corpus.ts) and the
// hand-assembled quadrant JPEG (tests/e2e/quadrant-jpeg.ts).
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { fitWithin, MAX_INPUT_PIXELS } from '../e2e/corpus';
import type { SentImageExpectation } from '../e2e/corpus';
import { containsExif, sentImageProblems } from '../e2e/corpus-check';
import type { RgbaImage } from '../e2e/corpus-check';
import { QUADRANTS, quadrantAt, rotateClockwise } from '../e2e/corpus-colours';
import type { QuadrantColours, QuadrantExpectation } from '../e2e/corpus-colours';
import { createQuadrantJpeg } from '../e2e/quadrant-jpeg';

function paint(width: number, height: number, q: QuadrantColours<QuadrantExpectation>): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = quadrantAt(q, width, height, x, y);
      data.set(c === 'transparent' ? [0, 0, 0, 0] : [...c, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

const expectation = (over: Partial<SentImageExpectation> = {}): SentImageExpectation => ({
  width: 40,
  height: 30,
  format: 'image/jpeg',
  quadrants: QUADRANTS,
  tolerance: 10,
  ...over,
});

describe('fitWithin', () => {
  it('keeps an image within the cap as it is', () => {
    expect(fitWithin(2000, 1000)).toEqual({ width: 2000, height: 1000 });
  });

  it('scales a larger image under the cap, keeping its aspect ratio', () => {
    const { width, height } = fitWithin(8192, 6144);
    expect(width * height).toBeLessThanOrEqual(MAX_INPUT_PIXELS);
    expect(width * height).toBeGreaterThan(MAX_INPUT_PIXELS * 0.99);
    expect(width / height).toBeCloseTo(8192 / 6144, 2);
  });
});

describe('sentImageProblems', () => {
  it('accepts the expected image, 1 px of rounding included', () => {
    expect(sentImageProblems(paint(40, 30, QUADRANTS), 'image/jpeg', expectation())).toEqual([]);
    expect(sentImageProblems(paint(41, 30, QUADRANTS), 'image/jpeg', expectation())).toEqual([]);
  });

  it('reports a wrong format, a wrong size and a size over the cap', () => {
    expect(sentImageProblems(paint(40, 30, QUADRANTS), 'image/png', expectation())).toEqual(['format image/png, expected image/jpeg']);
    expect(sentImageProblems(paint(30, 40, rotateClockwise(QUADRANTS)), 'image/jpeg', expectation()).join()).toContain('size 30×40');
    expect(sentImageProblems(paint(40, 30, QUADRANTS), 'image/jpeg', expectation(), 1000).join()).toContain('over the cap');
  });

  it('reports an image sent without its EXIF rotation', () => {
    const problems = sentImageProblems(paint(40, 30, QUADRANTS), 'image/jpeg', expectation({ quadrants: rotateClockwise(QUADRANTS) }));
    expect(problems).toHaveLength(4);
  });

  it('tells transparent from opaque quadrants', () => {
    const withHole = { ...QUADRANTS, bottomRight: 'transparent' as const };
    expect(sentImageProblems(paint(40, 30, withHole), 'image/png', expectation({ format: 'image/png', quadrants: withHole }))).toEqual([]);
    expect(sentImageProblems(paint(40, 30, QUADRANTS), 'image/png', expectation({ format: 'image/png', quadrants: withHole }))).toEqual([
      'bottomRight is rgba(242, 196, 36, 255), expected transparent ±10',
    ]);
  });
});

describe('containsExif', () => {
  const plain = jpeg.encode({ width: 16, height: 16, data: Buffer.alloc(16 * 16 * 4, 128) }, 80).data;
  const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 8]), Buffer.from('Exif\0\0', 'latin1')]);

  it('finds an EXIF segment in a JPEG header', () => {
    expect(containsExif(Buffer.concat([plain.subarray(0, 2), exif, plain.subarray(2)]))).toBe(true);
  });

  it('finds none in a JPEG without one', () => {
    expect(containsExif(plain)).toBe(false);
  });
});

describe('createQuadrantJpeg', () => {
  it('decodes to the four colours at the size asked', () => {
    const image = jpeg.decode(createQuadrantJpeg(64, 48, QUADRANTS), { useTArray: true, formatAsRGBA: true });
    expect(sentImageProblems(image, 'image/jpeg', expectation({ width: 64, height: 48, tolerance: 2 }))).toEqual([]);
  });

  it('writes 50 megapixels in under 3 s', () => {
    const started = Date.now();
    const bytes = createQuadrantJpeg(8192, 6144, QUADRANTS);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  it('refuses sizes whose quadrants would not fall on block edges', () => {
    expect(() => createQuadrantJpeg(100, 64, QUADRANTS)).toThrow(RangeError);
  });
});
