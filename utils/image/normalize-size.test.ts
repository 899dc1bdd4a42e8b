import { describe, expect, it, vi } from 'vitest';
import { jpegFile, pngChunk, pngFile, tiffWithOrientation } from './header-fixtures';
import type { BitmapLike } from './image-io';
import type { ScaledDecoder } from './image-tools';
import { DEFAULT_MAX_PIXELS, normalizeImage } from './normalize';
import { createFakeImageIo, type FakePicture } from './test-support';

const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);
const HUGE = { width: 8660, height: 5774 }; // 50 MP
const FULL_DECODE = { imageOrientation: 'from-image' };

/** Fake IO whose every blob decodes to `picture` (the header says the same size); encodes are cheap. */
function io(picture: FakePicture, bytesPerPixel = 0.1) {
  return createFakeImageIo({
    decode: () => picture,
    encodedSize: ({ width, height }) => Math.round(width * height * bytesPerPixel),
  });
}

/** A scaled decoder that returns a bitmap of the requested size (or `wrongSize` to misbehave). */
function scaledDecoder(wrongSize = false) {
  const bitmaps: (BitmapLike & { closed: boolean })[] = [];
  const decode = vi.fn<ScaledDecoder>(async (_image, request) => {
    const bitmap = { width: request.width + (wrongSize ? 1 : 0), height: request.height, closed: false, close: () => void (bitmap.closed = true) };
    bitmaps.push(bitmap);
    return bitmap;
  });
  return { decode, bitmaps };
}

describe('normalizeImage on images over the pixel cap', () => {
  it('decodes a 50 MP JPEG straight at the target size, once, from the file', async () => {
    const fake = io(HUGE);
    const result = await normalizeImage(blobOf(jpegFile(HUGE)), { ...fake.deps, decodeScaled: null });
    expect(fake.bitmapCalls).toHaveLength(1);
    expect(fake.bitmapCalls[0]?.source).toBeInstanceOf(Blob);
    expect(fake.bitmapCalls[0]?.options).toEqual({ imageOrientation: 'from-image', resizeWidth: 1731, resizeHeight: 1154, resizeQuality: 'high' });
    expect(result).toMatchObject({ width: 1731, height: 1154, sourceWidth: 8660, sourceHeight: 5774 });
    expect(result.notes).toContain('Scaled down from 8660×5774 to 1731×1154.');
    expect(fake.bitmaps.every((b) => b.closed)).toBe(true);
  });

  it('asks for the displayed (EXIF-turned) size when the JPEG is rotated', async () => {
    const fake = io({ width: HUGE.height, height: HUGE.width });
    const result = await normalizeImage(blobOf(jpegFile({ ...HUGE, orientation: 6 })), { ...fake.deps, decodeScaled: null });
    expect(fake.bitmapCalls[0]?.options).toMatchObject({ resizeWidth: 1154, resizeHeight: 1731 });
    expect(result).toMatchObject({ width: 1154, height: 1731, sourceWidth: 5774, sourceHeight: 8660 });
  });

  it.each([
    [500_000, 8192, { width: 865, height: 577 }],
    [DEFAULT_MAX_PIXELS, 1000, { width: 1000, height: 666 }],
    [4_000_000, 8192, { width: 2449, height: 1633 }],
  ])('respects maxPixels %i and maxSide %i when decoding at size', async (maxPixels, maxSide, expected) => {
    const fake = io(HUGE);
    const result = await normalizeImage(blobOf(jpegFile(HUGE)), { ...fake.deps, decodeScaled: null }, { maxPixels, maxSide });
    expect(fake.bitmapCalls[0]?.options).toMatchObject({ resizeWidth: expected.width, resizeHeight: expected.height });
    expect({ width: result.width, height: result.height }).toEqual(expected);
    expect(result.width * result.height).toBeLessThanOrEqual(maxPixels);
  });

  it('decodes an image under the cap at full size, as before', async () => {
    const fake = io({ width: 1600, height: 1200 });
    await normalizeImage(blobOf(jpegFile({ width: 1600, height: 1200 })), fake.deps);
    expect(fake.bitmapCalls.map((c) => c.options)).toEqual([FULL_DECODE]);
  });

  it('decodes in full when only a decode can tell the orientation (PNG eXIf quarter turn)', async () => {
    const fake = io({ width: 6000, height: 8000 });
    const png = pngFile({ width: 8000, height: 6000, chunks: [pngChunk('eXIf', tiffWithOrientation(6))] });
    const result = await normalizeImage(blobOf(png), fake.deps);
    expect(fake.bitmapCalls[0]?.options).toEqual(FULL_DECODE);
    // Scaled afterwards from the decoded bitmap, whose shape is the truth.
    expect(fake.bitmapCalls[1]?.options).toMatchObject({ resizeWidth: 1224, resizeHeight: 1632 });
    expect(result).toMatchObject({ sourceWidth: 6000, sourceHeight: 8000 });
  });

  it('falls back to a full decode and a scaled copy when the engine rejects resize options', async () => {
    const fake = io(HUGE);
    const deps = {
      ...fake.deps,
      decodeScaled: null,
      createImageBitmap: (source: Blob | BitmapLike, options?: ImageBitmapOptions) =>
        source instanceof Blob && options?.resizeWidth ? Promise.reject(new TypeError('resizeWidth unsupported')) : fake.deps.createImageBitmap(source, options),
    };
    const result = await normalizeImage(blobOf(jpegFile(HUGE)), deps);
    expect(fake.bitmapCalls.map((c) => c.options)).toEqual([FULL_DECODE, { resizeWidth: 1731, resizeHeight: 1154, resizeQuality: 'high' }]);
    expect(result).toMatchObject({ width: 1731, height: 1154 });
  });

  it('shrinks for the byte cap from the bitmap decoded at size, never from a shrunk copy', async () => {
    const fake = io(HUGE, 1);
    const result = await normalizeImage(blobOf(jpegFile(HUGE)), { ...fake.deps, decodeScaled: null });
    expect(fake.encodes.length).toBeGreaterThan(1);
    const decoded = fake.bitmaps[0];
    for (const call of fake.bitmapCalls.slice(1)) expect(call.source).toBe(decoded);
    expect(result.blob.size).toBeLessThanOrEqual(1_000_000);
  });
});

describe('normalizeImage with a scaled decoder (huge JPEGs)', () => {
  it('decodes a 50 MP JPEG at 1/4 scale through it, never calling createImageBitmap on the file', async () => {
    const fake = io(HUGE);
    const scaled = scaledDecoder();
    const result = await normalizeImage(blobOf(jpegFile(HUGE)), { ...fake.deps, decodeScaled: scaled.decode });
    expect(scaled.decode).toHaveBeenCalledOnce();
    expect(scaled.decode.mock.calls[0]?.[1]).toEqual({ type: 'image/jpeg', width: 1731, height: 1154, desiredWidth: 2165, desiredHeight: 1444 });
    expect(fake.bitmapCalls.filter((c) => c.source instanceof Blob)).toEqual([]);
    expect(result).toMatchObject({ width: 1731, height: 1154, sourceWidth: 8660 });
    expect(scaled.bitmaps.every((b) => b.closed)).toBe(true);
  });

  it.each([
    ['a JPEG below the size where it pays off', jpegFile({ width: 3000, height: 2000 }), { width: 3000, height: 2000 }],
    ['a huge PNG (browsers only scale JPEG while decoding)', pngFile(HUGE), HUGE],
  ])('is not used for %s', async (_name, bytes, picture) => {
    const fake = io(picture);
    const scaled = scaledDecoder();
    await normalizeImage(blobOf(bytes), { ...fake.deps, decodeScaled: scaled.decode });
    expect(scaled.decode).not.toHaveBeenCalled();
    expect(fake.bitmapCalls[0]?.options).toMatchObject({ resizeQuality: 'high' });
  });

  it('falls back to createImageBitmap when it fails', async () => {
    const fake = io(HUGE);
    const failing = vi.fn<ScaledDecoder>(() => Promise.reject(new Error('offscreen document did not answer')));
    const result = await normalizeImage(blobOf(jpegFile(HUGE)), { ...fake.deps, decodeScaled: failing });
    expect(failing).toHaveBeenCalledOnce();
    expect(fake.bitmapCalls[0]?.options).toMatchObject({ resizeWidth: 1731, resizeHeight: 1154 });
    expect(result.width).toBe(1731);
  });

  it('closes and ignores a bitmap of the wrong size', async () => {
    const fake = io(HUGE);
    const scaled = scaledDecoder(true);
    const result = await normalizeImage(blobOf(jpegFile(HUGE)), { ...fake.deps, decodeScaled: scaled.decode });
    expect(scaled.bitmaps[0]?.closed).toBe(true);
    expect(fake.bitmapCalls[0]?.source).toBeInstanceOf(Blob);
    expect(result.width).toBe(1731);
  });
});
