import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import { avifFile, gifFile, jpegFile, pngChunk, pngFile, webpExtended, webpLossless, webpLossy } from './header-fixtures';
import type { CanvasLike, ResolvedImageDeps } from './image-io';
import type { ScaledDecoder, SvgRasterizer } from './image-tools';
import { normalizeImage } from './normalize';
import { ascii, createFakeImageIo, jpegBytes, rejection, type FakeBitmap, type FakePicture } from './test-support';

const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

/** Fake IO decoding every blob to `picture`, counting how often pixels are read back for the alpha check. */
function io(picture: FakePicture) {
  const fake = createFakeImageIo({ decode: () => picture });
  let readbacks = 0;
  const deps: ResolvedImageDeps = {
    ...fake.deps,
    rasterizeSvg: null,
    decodeScaled: null,
    createCanvas: (width, height): CanvasLike => {
      const canvas = fake.deps.createCanvas(width, height);
      const context = canvas.getContext('2d')!;
      const getImageData = context.getImageData.bind(context);
      context.getImageData = (...args) => {
        readbacks += 1;
        return getImageData(...args);
      };
      return canvas;
    },
  };
  return { ...fake, deps, readbacks: () => readbacks };
}

/** A real PNG (pngjs) of the given colour type and depth; `alpha` < 255 makes one pixel see-through. */
function realPng(colorType: 0 | 2 | 4 | 6, bitDepth: 8 | 16, alpha = 255): Uint8Array {
  const png = new PNG({ width: 4, height: 4 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([90, 120, 150, i === 0 ? alpha : 255], i);
  return new Uint8Array(PNG.sync.write(png, { colorType, bitDepth, inputHasAlpha: true }));
}

describe('normalizeImage on animations', () => {
  it.each([
    ['an animated GIF', gifFile({ width: 400, height: 300, frames: 12 }), 'Only the first frame of the animated GIF is used.'],
    ['an animated WebP', webpExtended({ width: 400, height: 300, frames: 4 }), 'Only the first frame of the animated WebP is used.'],
    ['an APNG', pngFile({ width: 400, height: 300, chunks: [pngChunk('acTL', [0, 0, 0, 2, 0, 0, 0, 0])] }), 'Only the first frame of the animated PNG is used.'],
    ['an animated AVIF', avifFile({ width: 400, height: 300, brands: ['avis', 'avif'], moov: true }), 'Only the first frame of the animated AVIF is used.'],
  ])('says only the first frame of %s is used', async (_name, bytes, note) => {
    const fake = io({ width: 400, height: 300 });
    expect((await normalizeImage(blobOf(bytes), fake.deps)).notes).toContain(note);
  });

  it.each([
    ['a still GIF', gifFile({ width: 400, height: 300 })],
    ['a still WebP', webpExtended({ width: 400, height: 300 })],
    ['a still PNG', realPng(2, 8)],
  ])('says nothing about frames for %s', async (_name, bytes) => {
    const fake = io({ width: 400, height: 300 });
    const { notes } = await normalizeImage(blobOf(bytes), fake.deps);
    expect(notes.filter((n) => n.includes('frame'))).toEqual([]);
  });
});

describe('normalizeImage on damaged files', () => {
  const cutJpeg = jpegFile({ width: 640, height: 480, eoi: false });
  it.each([
    ['a JPEG without its end marker', cutJpeg, `The JPEG file is damaged or incomplete (${cutJpeg.length} bytes): it is cut off before the end-of-image marker.`],
    ['a real JPEG cut short', jpegBytes(64, 64).slice(0, -50), /^The JPEG file is damaged or incomplete \(\d+ bytes\): it is cut off before the end-of-image marker\.$/],
    ['a PNG without IEND', pngFile({ width: 10, height: 10, iend: false }), /^The PNG file is damaged or incomplete \(\d+ bytes\): it is cut off before its end chunk \(IEND\)\.$/],
    ['a GIF cut in its first frame', gifFile({ width: 10, height: 10 }).slice(0, 36), /^The GIF file is damaged or incomplete \(\d+ bytes\): it is cut off before its first frame is complete\.$/],
    ['a WebP shorter than it says', webpExtended({ width: 10, height: 10, missing: 100 }), /^The WebP file is damaged or incomplete \(\d+ bytes\): it is shorter than its header says\.$/],
    ['an AVIF cut in its data', avifFile({ width: 10, height: 10, missing: 100 }), /^The AVIF file is damaged or incomplete \(\d+ bytes\): it is cut off inside its 'mdat' box\.$/],
  ])('refuses %s by name, before decoding', async (_name, bytes, message) => {
    const fake = io({ width: 10, height: 10 });
    const error = await rejection(normalizeImage(blobOf(bytes), fake.deps));
    expect(error.code).toBe('undecodable');
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(fake.bitmapCalls).toEqual([]);
  });

  it('names the size in kB for larger files', async () => {
    const bytes = new Uint8Array(48_200);
    bytes.set(jpegFile({ width: 640, height: 480, eoi: false }));
    const error = await rejection(normalizeImage(blobOf(bytes), io({ width: 1, height: 1 }).deps));
    expect(error.message).toBe('The JPEG file is damaged or incomplete (48.2 kB): it is cut off before the end-of-image marker.');
  });

  it.each([
    ['a PNG whose data the browser rejects', realPng(2, 8), 'The PNG file is damaged or incomplete (', true],
    ['an AVIF the browser cannot read (maybe unsupported)', avifFile({ width: 10, height: 10 }), 'could not be decoded (is it a corrupt or unsupported file?)', false],
  ])('explains %s', async (_name, bytes, text, damaged) => {
    const fake = createFakeImageIo({
      decode: () => {
        throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
      },
    });
    const error = await rejection(normalizeImage(blobOf(bytes), { ...fake.deps, rasterizeSvg: null, decodeScaled: null }));
    expect(error.message).toContain(text);
    expect(error.message.includes('damaged')).toBe(damaged);
  });
});

describe('normalizeImage on SVG', () => {
  const logo = ascii('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><circle r="20"/></svg>');

  function rasterizer(alpha: boolean) {
    const bitmaps: FakeBitmap[] = [];
    const rasterize = vi.fn<SvgRasterizer>(async (_svg, request) => {
      const bitmap: FakeBitmap = { width: request.width, height: request.height, alpha, closed: false, close: () => void (bitmap.closed = true) };
      bitmaps.push(bitmap);
      return bitmap;
    });
    return { rasterize, bitmaps };
  }

  it('draws it at a 1024 px long side and keeps its transparency as PNG', async () => {
    const fake = io({ width: 1, height: 1 });
    const svg = rasterizer(true);
    const result = await normalizeImage(new Blob([logo], { type: 'image/svg+xml' }), { ...fake.deps, rasterizeSvg: svg.rasterize });
    expect(svg.rasterize.mock.calls[0]?.[1]).toEqual({ width: 1024, height: 512, intrinsicWidth: 100, intrinsicHeight: 50 });
    expect(result).toMatchObject({ type: 'image/png', width: 1024, height: 512, sourceWidth: 100, sourceHeight: 50, sourceType: 'image/svg+xml' });
    expect(result.notes).toEqual(['Rendered the SVG at 1024×512.', 'Converted SVG to PNG to keep transparency.']);
    expect(fake.bitmapCalls).toEqual([]); // createImageBitmap never sees the SVG
    expect(svg.bitmaps.every((b) => b.closed)).toBe(true);
  });

  it('sends an opaque drawing as JPEG', async () => {
    const svg = rasterizer(false);
    const result = await normalizeImage(blobOf(logo), { ...io({ width: 1, height: 1 }).deps, rasterizeSvg: svg.rasterize });
    expect(result.type).toBe('image/jpeg');
    expect(result.notes).toEqual(['Rendered the SVG at 1024×512.', 'Converted SVG to JPEG.']);
  });

  it('keeps a big poster within the pixel cap it was given', async () => {
    const svg = rasterizer(false);
    const poster = ascii('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10000 5000"/>');
    const result = await normalizeImage(blobOf(poster), { ...io({ width: 1, height: 1 }).deps, rasterizeSvg: svg.rasterize }, { maxPixels: 500_000 });
    expect(svg.rasterize.mock.calls[0]?.[1]).toMatchObject({ width: 1000, height: 500 });
    expect(result.width * result.height).toBeLessThanOrEqual(500_000);
  });

  it('says why a drawing failed', async () => {
    const failing = vi.fn<SvgRasterizer>(() => Promise.reject(new Error('the SVG is not well-formed XML')));
    const error = await rejection(normalizeImage(blobOf(logo), { ...io({ width: 1, height: 1 }).deps, rasterizeSvg: failing }));
    expect(error.message).toBe('The SVG image could not be drawn: the SVG is not well-formed XML.');
  });
});

describe('normalizeImage across formats and colour models', () => {
  it.each([
    ['a CMYK JPEG', jpegFile({ width: 3000, height: 2000, components: 4, adobeTransform: 0 }), false, 'image/jpeg', []],
    ['a YCCK JPEG', jpegFile({ width: 800, height: 600, components: 4, adobeTransform: 2 }), false, 'image/jpeg', []],
    ['a grayscale JPEG', jpegFile({ width: 800, height: 600, components: 1 }), false, 'image/jpeg', []],
    ['an opaque 16-bit PNG', realPng(2, 16), false, 'image/jpeg', ['Converted PNG to JPEG.']],
    ['a grayscale PNG', realPng(0, 8), false, 'image/jpeg', ['Converted PNG to JPEG.']],
    ['a palette PNG', pngFile({ width: 8, height: 8, colorType: 3, chunks: [pngChunk('PLTE', [1, 2, 3])] }), false, 'image/jpeg', ['Converted PNG to JPEG.']],
    ['a lossy WebP', webpLossy(800, 600), false, 'image/jpeg', ['Converted WebP to JPEG.']],
    ['an opaque AVIF', avifFile({ width: 800, height: 600 }), false, 'image/jpeg', ['Converted AVIF to JPEG.']],
  ])('sends %s as JPEG without reading its pixels back (it cannot be transparent)', async (_name, bytes, alpha, type, notes) => {
    const fake = io({ width: 800, height: 600, alpha });
    const result = await normalizeImage(blobOf(bytes), fake.deps);
    expect(result.type).toBe(type);
    expect(result.notes.filter((n) => !n.startsWith('Scaled down'))).toEqual(notes);
    expect(fake.readbacks()).toBe(0);
  });

  it.each([
    ['a transparent 16-bit RGBA PNG', realPng(6, 16, 0), []],
    ['a transparent grayscale PNG', realPng(4, 8, 0), []],
    ['a palette PNG with tRNS', pngFile({ width: 8, height: 8, colorType: 3, chunks: [pngChunk('PLTE', [1, 2, 3]), pngChunk('tRNS', [0])] }), []],
    ['a lossless WebP with alpha', webpLossless(800, 600, true), ['Converted WebP to PNG to keep transparency.']],
    ['an AVIF with an alpha plane', avifFile({ width: 800, height: 600, alpha: true }), ['Converted AVIF to PNG to keep transparency.']],
  ])('keeps %s as PNG after checking its pixels', async (_name, bytes, notes) => {
    const fake = io({ width: 800, height: 600, alpha: true });
    const result = await normalizeImage(blobOf(bytes), fake.deps);
    expect(result.type).toBe('image/png');
    expect(fake.readbacks()).toBe(1);
    expect(result.notes).toEqual(notes);
  });

  it('sends a PNG that could be transparent but is not as JPEG', async () => {
    const fake = io({ width: 4, height: 4, alpha: false });
    const result = await normalizeImage(blobOf(realPng(6, 8)), fake.deps);
    expect(fake.readbacks()).toBe(1);
    expect(result.type).toBe('image/jpeg');
  });

  it('decodes a huge AVIF at size with createImageBitmap (the scaled decoder is for JPEG only)', async () => {
    const fake = io({ width: 8000, height: 6000 });
    const decodeScaled = vi.fn<ScaledDecoder>();
    const result = await normalizeImage(blobOf(avifFile({ width: 8000, height: 6000 })), { ...fake.deps, decodeScaled });
    expect(decodeScaled).not.toHaveBeenCalled();
    expect(fake.bitmapCalls[0]?.options).toMatchObject({ resizeWidth: 1632, resizeHeight: 1224 });
    expect(result).toMatchObject({ type: 'image/jpeg', width: 1632, height: 1224, sourceWidth: 8000 });
  });
});
