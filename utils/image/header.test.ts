import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readExifOrientation } from './exif-orientation';
import { knowsDisplaySize, readImageHeader, type ImageHeader } from './header';
import { avifFile, gifFile, jpegFile, pngChunk, pngFile, tiffWithOrientation, webpExtended, webpLossless, webpLossy } from './header-fixtures';
import { ascii, bmpBytes, GIF_1PX, jpegBytes, WEBP_1PX } from './test-support';

const CUT_IN_HEADER = 'it is cut off inside its header';

/** A real PNG from pngjs with the given colour type and bit depth. */
function realPng(colorType: 0 | 2 | 4 | 6, bitDepth: 8 | 16): Uint8Array {
  const png = new PNG({ width: 5, height: 4 });
  png.data.fill(128);
  return new Uint8Array(PNG.sync.write(png, { colorType, bitDepth, inputHasAlpha: true }));
}

/** A 32-bit BMP, or one whose pixel rows are cut short. */
function bmp32(rowsPresent = 1): Uint8Array {
  const bytes = bmpBytes();
  const view = new DataView(bytes.buffer);
  view.setInt32(18, 2, true);
  view.setInt32(22, -3, true); // top-down rows
  view.setUint16(28, 32, true);
  return new Uint8Array([...bytes.subarray(0, 54), ...new Uint8Array(8 * rowsPresent)]);
}

type Row = [string, Uint8Array, Partial<ImageHeader>];

/** A real JPEG whose scan data is long (noise compresses badly). */
function noisyJpeg(): Uint8Array {
  const data = Buffer.alloc(64 * 64 * 4);
  for (let i = 0; i < data.length; i += 1) data[i] = (i * 7919) % 251;
  return new Uint8Array(jpeg.encode({ data, width: 64, height: 64 }, 90).data);
}

describe('readImageHeader', () => {
  it.each<Row>([
    ['a 50 MP baseline JPEG', jpegFile({ width: 8660, height: 5774 }), { type: 'image/jpeg', width: 8660, height: 5774, orientation: 1, colorModel: 'ycbcr', mayHaveAlpha: false }],
    ['a JPEG turned by EXIF orientation 6', jpegFile({ width: 8660, height: 5774, orientation: 6 }), { width: 5774, height: 8660, orientation: 6, orientationUncertain: false }],
    ['a JPEG turned by EXIF orientation 8', jpegFile({ width: 400, height: 300, orientation: 8 }), { width: 300, height: 400, orientation: 8 }],
    ['a JPEG flipped by EXIF orientation 3 (no swap)', jpegFile({ width: 400, height: 300, orientation: 3 }), { width: 400, height: 300, orientation: 3 }],
    ['a progressive JPEG with several scans', jpegFile({ width: 640, height: 480, sof: 0xc2, scans: 4 }), { width: 640, height: 480 }],
    ['a CMYK JPEG (Adobe transform 0)', jpegFile({ width: 300, height: 200, components: 4, adobeTransform: 0 }), { colorModel: 'cmyk', width: 300 }],
    ['a YCCK JPEG (Adobe transform 2)', jpegFile({ width: 300, height: 200, components: 4, adobeTransform: 2 }), { colorModel: 'ycck' }],
    ['a grayscale JPEG', jpegFile({ width: 300, height: 200, components: 1 }), { colorModel: 'gray', mayHaveAlpha: false }],
    ['a JPEG with data after its end marker (a motion photo)', jpegFile({ width: 300, height: 200, trailer: [0, 0, 0, 0x18, 0x66, 0x74] }), { width: 300 }],
    ['a real jpeg-js file', jpegBytes(40, 30), { type: 'image/jpeg', width: 40, height: 30, bitDepth: 8 }],
    ['an RGB PNG', realPng(2, 8), { type: 'image/png', width: 5, height: 4, colorModel: 'rgb', bitDepth: 8, mayHaveAlpha: false }],
    ['a 16-bit RGB PNG', realPng(2, 16), { colorModel: 'rgb', bitDepth: 16, mayHaveAlpha: false }],
    ['a grayscale PNG', realPng(0, 8), { colorModel: 'gray', mayHaveAlpha: false }],
    ['a grayscale PNG with alpha', realPng(4, 8), { colorModel: 'gray-alpha', mayHaveAlpha: true }],
    ['an RGBA PNG', realPng(6, 8), { colorModel: 'rgba', mayHaveAlpha: true }],
    ['a palette PNG', pngFile({ width: 9, height: 9, colorType: 3, chunks: [pngChunk('PLTE', [0, 0, 0, 255, 255, 255])] }), { colorModel: 'palette', mayHaveAlpha: false }],
    ['a palette PNG with tRNS', pngFile({ width: 9, height: 9, colorType: 3, chunks: [pngChunk('PLTE', [0, 0, 0]), pngChunk('tRNS', [0])] }), { colorModel: 'palette', mayHaveAlpha: true }],
    ['an APNG with 3 frames', pngFile({ width: 9, height: 9, chunks: [pngChunk('acTL', [0, 0, 0, 3, 0, 0, 0, 0])] }), { animated: true }],
    ['an APNG with a single frame', pngFile({ width: 9, height: 9, chunks: [pngChunk('acTL', [0, 0, 0, 1, 0, 0, 0, 0])] }), { animated: false }],
    ['a PNG with an eXIf quarter turn (only some browsers apply it)', pngFile({ width: 400, height: 300, chunks: [pngChunk('eXIf', tiffWithOrientation(6))] }), { width: 400, height: 300, orientation: 6, orientationUncertain: true }],
    ['a GIF with one frame', gifFile({ width: 320, height: 240 }), { type: 'image/gif', width: 320, height: 240, animated: false, mayHaveAlpha: false }],
    ['an animated GIF', gifFile({ width: 320, height: 240, frames: 3 }), { animated: true }],
    ['a GIF with a transparent colour', gifFile({ width: 32, height: 24, transparent: true }), { mayHaveAlpha: true }],
    ['a GIF whose first frame leaves a border', gifFile({ width: 32, height: 24, firstFrame: { left: 2, top: 2, width: 10, height: 10 } }), { mayHaveAlpha: true }],
    ['a GIF cut off after its first frame', gifFile({ width: 32, height: 24, trailer: false }), { animated: false }],
    ['the smallest GIF', GIF_1PX, { width: 1, height: 1 }],
    ['a lossy WebP', webpLossy(1024, 768), { type: 'image/webp', width: 1024, height: 768, mayHaveAlpha: false }],
    ['a lossless WebP with alpha', webpLossless(1000, 500, true), { width: 1000, height: 500, mayHaveAlpha: true }],
    ['a lossless WebP without alpha', webpLossless(1000, 500, false), { mayHaveAlpha: false }],
    ['the smallest WebP', WEBP_1PX, { width: 1, height: 1 }],
    ['an extended WebP with alpha', webpExtended({ width: 9000, height: 6000, alpha: true }), { width: 9000, height: 6000, mayHaveAlpha: true, animated: false }],
    ['an animated WebP', webpExtended({ width: 400, height: 300, frames: 5 }), { animated: true, mayHaveAlpha: false }],
    ['a WebP whose animation has one frame', webpExtended({ width: 400, height: 300, frames: 1 }), { animated: false }],
    ['a WebP with an EXIF quarter turn (Chrome ignores it)', webpExtended({ width: 400, height: 300, orientation: 6 }), { width: 400, height: 300, orientationUncertain: true }],
    ['a BMP', bmpBytes(), { type: 'image/bmp', width: 1, height: 1, mayHaveAlpha: false }],
    ['a top-down 32-bit BMP', bmp32(3), { width: 2, height: 3, mayHaveAlpha: true }],
    ['an AVIF', avifFile({ width: 8000, height: 6000 }), { type: 'image/avif', width: 8000, height: 6000, mayHaveAlpha: false, animated: false }],
    ['an AVIF rotated 90° by irot', avifFile({ width: 8000, height: 6000, irot: 1 }), { width: 6000, height: 8000, orientation: 8 }],
    ['an AVIF rotated 180° by irot', avifFile({ width: 8000, height: 6000, irot: 2 }), { width: 8000, height: 6000, orientation: 3 }],
    ['an AVIF whose thumbnail is listed first', avifFile({ width: 4000, height: 3000, thumbnail: { width: 160, height: 120 } }), { width: 4000, height: 3000 }],
    ['an AVIF with an alpha plane', avifFile({ width: 64, height: 64, alpha: true }), { mayHaveAlpha: true }],
    ['an animated AVIF (avis brand, moov track)', avifFile({ width: 64, height: 64, brands: ['avis', 'avif', 'msf1'], moov: true }), { animated: true }],
  ])('reads %s', (_name, bytes, expected) => {
    const header = readImageHeader(bytes);
    expect(header).toMatchObject(expected);
    expect(header?.damage).toBeUndefined();
  });

  it.each([
    ['a JPEG without its end-of-image marker', jpegFile({ width: 640, height: 480, eoi: false }), 'it is cut off before the end-of-image marker'],
    ['a real JPEG missing its last bytes', jpegBytes(40, 30).slice(0, -2), 'it is cut off before the end-of-image marker'],
    ['a real JPEG cut in the middle of its scan', noisyJpeg().slice(0, -100), 'it is cut off before the end-of-image marker'],
    ['a JPEG cut inside its frame header', jpegFile({ width: 640, height: 480 }).slice(0, 10), CUT_IN_HEADER],
    ['a PNG without IEND', pngFile({ width: 10, height: 10, iend: false }), 'it is cut off before its end chunk (IEND)'],
    ['a PNG cut inside a chunk', realPng(2, 8).slice(0, 45), 'it is cut off before its end chunk (IEND)'],
    ['a PNG cut inside IHDR', realPng(2, 8).slice(0, 20), CUT_IN_HEADER],
    ['a PNG whose first chunk is not IHDR', new Uint8Array([...realPng(2, 8).slice(0, 8), ...pngChunk('IDAT', [1])]), 'its header chunk (IHDR) is missing'],
    ['a GIF cut inside its first frame', gifFile({ width: 32, height: 24 }).slice(0, 40), 'it is cut off before its first frame is complete'],
    ['a GIF cut inside its screen descriptor', gifFile({ width: 32, height: 24 }).slice(0, 8), CUT_IN_HEADER],
    ['a WebP shorter than its RIFF size', webpExtended({ width: 400, height: 300, missing: 5000 }), 'it is shorter than its header says'],
    ['a WebP cut inside its first chunk', webpLossy(400, 300).slice(0, 22), CUT_IN_HEADER],
    ['a BMP cut before its last row', bmp32(2), 'it is cut off before its last row of pixels'],
    ['an AVIF cut inside its mdat box', avifFile({ width: 64, height: 64, missing: 100 }), "it is cut off inside its 'mdat' box"],
  ])('says %s is damaged', (_name, bytes, damage) => {
    expect(readImageHeader(bytes)?.damage).toBe(damage);
  });

  it('keeps the size of a JPEG cut after its frame header, so the message can name the file', () => {
    expect(readImageHeader(jpegFile({ width: 640, height: 480, eoi: false }))).toMatchObject({ width: 640, height: 480 });
  });

  it.each([
    ['an SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['an ICO', new Uint8Array([0, 0, 1, 0, 1, 0, 16, 16])],
    ['HTML', ascii('<!doctype html><p>403')],
  ])('returns null for %s, which it does not parse', (_name, bytes) => {
    expect(readImageHeader(bytes)).toBeNull();
  });

  it('reads a 40 MB JPEG’s scan data quickly (no per-byte work outside indexOf)', () => {
    const head = jpegFile({ width: 8000, height: 5000, eoi: false });
    const big = new Uint8Array(40_000_000);
    big.set(head);
    big.fill(0x11, head.length);
    big.set([0xff, 0xd9], big.length - 2);
    const started = performance.now();
    expect(readImageHeader(big)?.damage).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('knowsDisplaySize', () => {
  it.each([
    ['a complete JPEG', jpegFile({ width: 10, height: 10 }), true],
    ['a PNG with an uncertain quarter turn', pngFile({ width: 4, height: 3, chunks: [pngChunk('eXIf', tiffWithOrientation(5))] }), false],
    ['a damaged PNG', pngFile({ width: 4, height: 3, iend: false }), false],
    ['a JPEG whose height is defined later (DNL)', jpegFile({ width: 10, height: 0 }), false],
  ])('is %s → %s', (_name, bytes, expected) => {
    expect(knowsDisplaySize(readImageHeader(bytes))).toBe(expected);
  });
});

describe('readExifOrientation', () => {
  it.each([
    ['big-endian', tiffWithOrientation(6), 6],
    ['little-endian', tiffWithOrientation(8, { littleEndian: true }), 8],
    ['with the Exif prefix', [...ascii('Exif\0\0'), ...tiffWithOrientation(3)], 3],
    ['next to a GPS pointer', tiffWithOrientation(5, { gps: true }), 5],
    ['out of range', tiffWithOrientation(9), undefined],
    ['cut off', tiffWithOrientation(6).slice(0, 12), undefined],
    ['not TIFF', [...ascii('XX*\0\0\0\0\0')], undefined],
  ])('reads %s blocks', (_name, block, expected) => {
    expect(readExifOrientation(new Uint8Array(block))).toBe(expected);
  });

  it('reads the orientation jpeg-js writes into a real file', () => {
    const exif = new Uint8Array([...ascii('Exif\0\0'), ...tiffWithOrientation(6)]);
    const file = jpeg.encode({ data: Buffer.alloc(8 * 6 * 4, 90), width: 8, height: 6, exifBuffer: Buffer.from(exif) } as jpeg.RawImageData<Buffer>, 90).data;
    expect(readImageHeader(new Uint8Array(file))).toMatchObject({ width: 6, height: 8, orientation: 6 });
  });
});
