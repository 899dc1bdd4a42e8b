import { describe, expect, it } from 'vitest';
import { normalizeImage } from './normalize';
import { ascii, createFakeImageIo, jpegBytes, pngBytes, WEBP_1PX, type FakePicture, rejection } from './test-support';

const jpegBlob = () => new Blob([jpegBytes()], { type: 'image/jpeg' });
const pngBlob = () => new Blob([pngBytes()], { type: 'image/png' });

/** Fake IO where every blob decodes to `picture`; encodes cost `bytesPerPixel` (× quality for JPEG). */
function io(picture: FakePicture, bytesPerPixel = 0.1) {
  return createFakeImageIo({
    decode: () => picture,
    encodedSize: ({ width, height, type, quality }) =>
      Math.round(width * height * bytesPerPixel * (type === 'image/jpeg' ? (quality ?? 1) : 3)),
  });
}


describe('normalizeImage', () => {
  it('decodes with EXIF orientation applied', async () => {
    const fake = io({ width: 800, height: 600 });
    await normalizeImage(jpegBlob(), fake.deps);
    expect(fake.bitmapCalls[0]?.options).toEqual({ imageOrientation: 'from-image' });
  });

  it('re-encodes a small opaque image as JPEG at its own size', async () => {
    const fake = io({ width: 800, height: 600 });
    const result = await normalizeImage(jpegBlob(), fake.deps);
    expect(result).toMatchObject({ width: 800, height: 600, type: 'image/jpeg', sourceWidth: 800, sourceHeight: 600, sourceType: 'image/jpeg' });
    expect(fake.encodes).toEqual([{ width: 800, height: 600, type: 'image/jpeg', quality: 0.9, size: 43_200 }]);
    expect(result.blob.type).toBe('image/jpeg');
    expect(result.blob.size).toBe(43_200);
    // No resize bitmap was needed.
    expect(fake.bitmapCalls).toHaveLength(1);
  });

  it('downscales a large photo through createImageBitmap’s high-quality resize', async () => {
    const fake = io({ width: 4000, height: 3000 });
    const result = await normalizeImage(jpegBlob(), fake.deps);
    expect(fake.bitmapCalls[1]?.options).toEqual({ resizeWidth: 1632, resizeHeight: 1224, resizeQuality: 'high' });
    expect(fake.bitmapCalls[1]?.source).toBe(fake.bitmaps[0]); // from the oriented bitmap, not the blob
    expect(result).toMatchObject({ width: 1632, height: 1224, sourceWidth: 4000, sourceHeight: 3000 });
    expect(result.notes).toContain('Scaled down from 4000×3000 to 1632×1224.');
  });

  it('keeps transparency as PNG', async () => {
    const fake = io({ width: 300, height: 200, alpha: true });
    const result = await normalizeImage(pngBlob(), fake.deps);
    expect(result.type).toBe('image/png');
    expect(fake.encodes.map((e) => e.type)).toEqual(['image/png']);
    expect(fake.encodes[0]?.quality).toBeUndefined();
  });

  it('turns an opaque PNG into a JPEG', async () => {
    const fake = io({ width: 300, height: 200, alpha: false });
    const result = await normalizeImage(pngBlob(), fake.deps);
    expect(result.type).toBe('image/jpeg');
    expect(result.notes).toEqual(['Converted PNG to JPEG.']);
  });

  it('trusts the bytes over the blob’s label', async () => {
    const fake = io({ width: 10, height: 10 });
    const result = await normalizeImage(new Blob([WEBP_1PX], { type: 'image/png' }), fake.deps);
    expect(result.sourceType).toBe('image/webp');
  });

  it('makes smaller attempts until the encoding fits the byte cap', async () => {
    // 2 MP at 0.9 bytes/pixel × quality: 1.8 MB at q 0.9 → too big; the loop must get under 1 MB.
    const fake = io({ width: 1600, height: 1200 }, 1);
    const result = await normalizeImage(jpegBlob(), fake.deps);
    expect(fake.encodes.length).toBeGreaterThan(1);
    const last = fake.encodes.at(-1)!;
    expect(last.size).toBeLessThanOrEqual(1_000_000);
    expect(result.blob.size).toBe(last.size);
    expect({ width: result.width, height: result.height }).toEqual({ width: last.width, height: last.height });
    expect(fake.encodes.slice(0, -1).every((e) => e.size > 1_000_000)).toBe(true);
    expect(result.notes.some((n) => n.startsWith('To stay under 1 MB'))).toBe(true);
    // Every re-scale starts again from the full-size decode.
    for (const call of fake.bitmapCalls.slice(1)) expect(call.source).toBe(fake.bitmaps[0]);
  });

  it('honours a custom byte cap', async () => {
    const fake = io({ width: 1000, height: 1000 }, 0.1);
    const result = await normalizeImage(jpegBlob(), fake.deps, { maxBytes: 50_000 });
    expect(result.blob.size).toBeLessThanOrEqual(50_000);
  });

  it('gives up with too-large when nothing sensible fits', async () => {
    const fake = createFakeImageIo({ decode: () => ({ width: 1000, height: 1000 }), encodedSize: () => 5_000_000 });
    const error = await rejection(normalizeImage(jpegBlob(), fake.deps));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^The image is still 5 MB after reducing it to \d+×\d+; the limit is 1 MB\.$/);
    expect(fake.encodes.length).toBeLessThan(12);
  });

  it('reports a file the browser cannot decode as undecodable', async () => {
    const fake = createFakeImageIo({
      decode: () => {
        throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
      },
    });
    const error = await rejection(normalizeImage(jpegBlob(), fake.deps));
    expect(error.code).toBe('undecodable');
    // The header was fine, and every browser reads JPEG: the data inside must be bad.
    expect(error.message).toMatch(/^The JPEG file is damaged or incomplete \(\d+ bytes\)\.$/);
  });

  it('says plainly that SVG cannot be converted where nothing can draw it', async () => {
    const fake = createFakeImageIo({
      decode: () => {
        throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
      },
    });
    // Where no rasteriser exists (no DOM, no offscreen document).
    const error = await rejection(normalizeImage(new Blob([ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')]), { ...fake.deps, rasterizeSvg: null }));
    expect(error.code).toBe('undecodable');
    expect(error.message).toContain('cannot convert SVG files');
    expect(fake.bitmapCalls).toHaveLength(0);
  });

  it('rejects bytes that are not an image before decoding', async () => {
    const fake = io({ width: 1, height: 1 });
    const error = await rejection(normalizeImage(new Blob([ascii('<!DOCTYPE html><html>')], { type: 'image/png' }), fake.deps));
    expect(error.code).toBe('not-an-image');
    expect(error.message).toBe('The file is not an image (it looks like an HTML page).');
    expect(fake.bitmapCalls).toHaveLength(0);
  });

  it('treats a zero-sized decode as undecodable', async () => {
    const fake = io({ width: 0, height: 0 });
    expect((await rejection(normalizeImage(jpegBlob(), fake.deps))).code).toBe('undecodable');
  });

  it('releases every bitmap it created, also on failure', async () => {
    const ok = io({ width: 4000, height: 3000 }, 1);
    await normalizeImage(jpegBlob(), ok.deps);
    expect(ok.bitmaps.every((b) => b.closed)).toBe(true);
    const failing = createFakeImageIo({ decode: () => ({ width: 4000, height: 3000 }), encodedSize: () => 9_000_000 });
    await rejection(normalizeImage(jpegBlob(), failing.deps));
    expect(failing.bitmaps.every((b) => b.closed)).toBe(true);
  });

  it('refuses to label bytes the browser encoded as another type', async () => {
    const fake = io({ width: 10, height: 10 });
    const deps = {
      ...fake.deps,
      createCanvas: (w: number, h: number) => ({ ...fake.deps.createCanvas(w, h), convertToBlob: async () => new Blob([new Uint8Array(3)], { type: 'image/png' }) }),
    };
    expect((await rejection(normalizeImage(jpegBlob(), deps))).message).toBe('This browser cannot encode image/jpeg images.');
  });
});
