// The committed corpus (tests/fixtures/pages/corpus) says what tests/e2e/corpus.ts says it does: every page
// names its image, every file exists, and the files Node can decode have the stated size and colours.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusCase, expectsImage, HUGE_JPEG_PATH } from '../e2e/corpus';
import { containsExif, sampleQuadrants, sentImageProblems } from '../e2e/corpus-check';
import type { RgbaImage } from '../e2e/corpus-check';
import { DECOY_QUADRANTS, QUADRANTS, rotateClockwise } from '../e2e/corpus-colours';
import { PAGES_DIR } from '../e2e/static-site';

const onDisk = (urlPath: string) => path.join(PAGES_DIR, new URL(urlPath, 'http://x').pathname);
const read = (urlPath: string) => readFileSync(onDisk(urlPath));

function decode(bytes: Buffer): RgbaImage {
  if (bytes[0] === 0xff) return jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

/** Within 6 per channel of the colours: what a fresh decode of a committed file must show. */
function expectQuadrants(image: RgbaImage, colours: typeof QUADRANTS) {
  const seen = sampleQuadrants(image);
  for (const key of ['topLeft', 'topRight', 'bottomLeft', 'bottomRight'] as const) {
    colours[key].forEach((v, i) => expect(Math.abs(seen[key][i]! - v), `${key} channel ${i}`).toBeLessThanOrEqual(6));
  }
}

describe('corpus pages', () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))('%s: the page names its one image and the files it uses exist', (_name, c) => {
    const html = read(c.page).toString('utf8');
    const labels = [...html.matchAll(/(?:alt|aria-label)="([^"]*)"/g)].map((m) => m[1]);
    expect(labels).toEqual([c.imageName]);
    for (const file of [c.source.file, c.source.bestFile]) {
      if (!file || file.startsWith(HUGE_JPEG_PATH)) continue;
      expect(existsSync(onDisk(file)), file).toBe(true);
      expect(html).toContain(path.basename(new URL(file, 'http://x').pathname));
    }
  });

  it('gives every case a distinct name, page and image name', () => {
    for (const key of ['name', 'page', 'imageName'] as const) expect(new Set(CORPUS.map((c) => c[key])).size).toBe(CORPUS.length);
  });

  it('keeps the committed corpus under 1 MB', () => {
    const files = CORPUS.flatMap((c) => [c.page, c.source.file, c.source.bestFile]).filter((f): f is string => !!f && !f.startsWith(HUGE_JPEG_PATH));
    const total = [...new Set(files.map(onDisk))].reduce((sum, file) => sum + readFileSync(file).length, 0);
    expect(total).toBeLessThan(1_000_000);
  });
});

describe('corpus files', () => {
  // Files Node decodes (JPEG, PNG); the rotated one and the generated one have their own tests.
  const nodeDecodes = (file = '') => /\.(png|jpe?g)(\?|$)/.test(file);
  const decodable = CORPUS.filter((c) => expectsImage(c) && nodeDecodes(c.source.bestFile ?? c.source.file) && !['exif-rotated', 'huge-jpeg'].includes(c.name));

  it.each(decodable.map((c) => [c.name, c] as const))('%s: the file to send has the expected size and quadrants', (_name, c) => {
    if (!expectsImage(c)) throw new Error('filtered above');
    const image = decode(read(c.source.bestFile ?? c.source.file!));
    // Decoding as stored, before any cap: the expectation is the cap applied to this size.
    expect(sentImageProblems(image, c.expect.format, { ...c.expect, width: image.width, height: image.height })).toEqual([]);
    expect(image.width * image.height >= c.expect.width * c.expect.height).toBe(true);
  });

  it('the EXIF-rotated JPEG is stored landscape, red top-left, and carries orientation 6 and GPS', () => {
    const bytes = read('/corpus/exif-rotated.jpg');
    const stored = decode(bytes);
    expect([stored.width, stored.height]).toEqual([640, 480]);
    expectQuadrants(stored, QUADRANTS);
    expect(rotateClockwise(QUADRANTS)).toEqual((corpusCase('exif-rotated').expect as { quadrants: unknown }).quadrants);
    expect(containsExif(bytes)).toBe(true);
    expect(bytes.includes(Buffer.from('GPS')) || bytes.includes(Buffer.from([0x88, 0x25]))).toBe(true);
  });

  it.each([
    ['/corpus/srcset-200.jpg', 200, 100],
    ['/corpus/picture-fallback.jpg', 320, 200],
  ])('decoy %s shows the decoy colours', (file, width, height) => {
    const image = decode(read(file));
    expect([image.width, image.height]).toEqual([width, height]);
    expectQuadrants(image, DECOY_QUADRANTS);
  });

  it('the 16-bit PNG really has 16 bits per channel and the palette PNG a palette', () => {
    expect(read('/corpus/deep-colour.png')[24]).toBe(16);
    expect(read('/corpus/palette.png')[25]).toBe(3);
    expectQuadrants(decode(read('/corpus/deep-colour.png')), QUADRANTS);
  });

  it('the data: URL page inlines a PNG of the stated size and colours', () => {
    const html = read(corpusCase('data-url').page).toString('utf8');
    const base64 = /src="data:image\/png;base64,([^"]+)"/.exec(html)?.[1];
    const image = decode(Buffer.from(base64 ?? '', 'base64'));
    expect([image.width, image.height]).toEqual([160, 120]);
    expectQuadrants(image, QUADRANTS);
  });

  it.each(['corrupt-jpeg', 'truncated-jpeg'])('%s does not decode', (name) => {
    expect(() => decode(read(corpusCase(name).source.file!))).toThrow();
  });
});
