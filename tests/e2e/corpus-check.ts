// Checks a decoded image against a corpus expectation. Pure functions over RGBA pixels (the shape
// tests/double/image-codec.ts `decodeImage` returns), so Playwright specs and unit tests share them.
import type { QuadrantColours, QuadrantExpectation, Rgb } from './corpus-colours';
import { MAX_INPUT_PIXELS } from './corpus-types';
import type { SentImageExpectation } from './corpus-types';

/** RGBA pixels, 4 bytes each, row-major. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** One RGBA sample. */
export type Rgba = readonly [number, number, number, number];

/** The pixel at the centre of each quadrant (25 % / 75 % of width and height). */
export function sampleQuadrants(image: RgbaImage): QuadrantColours<Rgba> {
  const at = (fx: number, fy: number): Rgba => {
    const x = Math.min(image.width - 1, Math.floor(image.width * fx));
    const y = Math.min(image.height - 1, Math.floor(image.height * fy));
    const i = (y * image.width + x) * 4;
    const d = image.data;
    return [d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!];
  };
  return { topLeft: at(0.25, 0.25), topRight: at(0.75, 0.25), bottomLeft: at(0.25, 0.75), bottomRight: at(0.75, 0.75) };
}

/** True when `actual` shows `expected` within `tolerance` per channel (transparent: alpha ≤ 16). */
export function matchesQuadrant(actual: Rgba, expected: QuadrantExpectation, tolerance: number): boolean {
  if (expected === 'transparent') return actual[3] <= 16;
  return actual[3] >= 240 && expected.every((v: number, i) => Math.abs(v - actual[i]!) <= tolerance);
}

/**
 * What is wrong with a sent image, as readable lines; empty when it matches. Size may differ by 1 px per
 * side (rounding when scaling to the cap) but never exceed the cap's pixel count.
 */
export function sentImageProblems(image: RgbaImage, format: string, expected: SentImageExpectation, maxPixels = MAX_INPUT_PIXELS): string[] {
  const problems: string[] = [];
  if (format !== expected.format) problems.push(`format ${format}, expected ${expected.format}`);
  const sizeOff = Math.abs(image.width - expected.width) > 1 || Math.abs(image.height - expected.height) > 1;
  if (sizeOff) problems.push(`size ${image.width}×${image.height}, expected ${expected.width}×${expected.height}`);
  if (image.width * image.height > maxPixels) {
    problems.push(`${image.width * image.height} pixels, over the cap of ${maxPixels}`);
  }
  const seen = sampleQuadrants(image);
  for (const key of ['topLeft', 'topRight', 'bottomLeft', 'bottomRight'] as const) {
    if (!matchesQuadrant(seen[key], expected.quadrants[key], expected.tolerance)) {
      problems.push(`${key} is rgba(${seen[key].join(', ')}), expected ${describe(expected.quadrants[key])} ±${expected.tolerance}`);
    }
  }
  return problems;
}

function describe(q: QuadrantExpectation): string {
  return q === 'transparent' ? 'transparent' : `rgb(${(q as Rgb).join(', ')})`;
}

/** True when JPEG or PNG bytes still carry EXIF (a JPEG APP1 "Exif" segment or a PNG eXIf chunk). */
export function containsExif(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0xff && b[1] === 0xd8) {
    let at = 2;
    while (at + 4 <= b.length && b[at] === 0xff) {
      const marker = b[at + 1]!;
      // Start of scan: the headers (where metadata lives) are over.
      if (marker === 0xda) return false;
      const length = b.readUInt16BE(at + 2);
      if (marker === 0xe1 && b.toString('latin1', at + 4, at + 8) === 'Exif') return true;
      at += 2 + length;
    }
    return false;
  }
  if (b.toString('latin1', 1, 4) === 'PNG') {
    for (let at = 8; at + 8 <= b.length; at += 12 + b.readUInt32BE(at)) {
      if (b.toString('latin1', at + 4, at + 8) === 'eXIf') return true;
    }
  }
  return false;
}
