import { describe, expect, it } from 'vitest';
import { createFakeImageIo, jpegBytes, pngBytes } from './test-support';
import { makeThumbnail } from './thumbnail';

describe('makeThumbnail', () => {
  it('fits the longer side within maxSide, keeping the aspect ratio', async () => {
    const fake = createFakeImageIo({ decode: () => ({ width: 1200, height: 800 }) });
    const thumb = await makeThumbnail(new Blob([jpegBytes()]), 300, fake.deps);
    expect(fake.bitmapCalls[1]?.options).toEqual({ resizeWidth: 300, resizeHeight: 200, resizeQuality: 'high' });
    expect(fake.encodes).toEqual([{ width: 300, height: 200, type: 'image/jpeg', quality: 0.8, size: 100 }]);
    expect(thumb.type).toBe('image/jpeg');
  });

  it('defaults to 256 px and handles portrait images', async () => {
    const fake = createFakeImageIo({ decode: () => ({ width: 1000, height: 4000 }) });
    await makeThumbnail(new Blob([jpegBytes()]), undefined, fake.deps);
    expect(fake.encodes[0]).toMatchObject({ width: 64, height: 256 });
  });

  it('never upscales a small image', async () => {
    const fake = createFakeImageIo({ decode: () => ({ width: 40, height: 30 }) });
    await makeThumbnail(new Blob([jpegBytes()]), 256, fake.deps);
    expect(fake.encodes[0]).toMatchObject({ width: 40, height: 30 });
  });

  it('keeps transparency as PNG', async () => {
    const fake = createFakeImageIo({ decode: () => ({ width: 512, height: 512, alpha: true }) });
    const thumb = await makeThumbnail(new Blob([pngBytes()]), 256, fake.deps);
    expect(thumb.type).toBe('image/png');
    expect(fake.bitmaps.every((b) => b.closed)).toBe(true);
  });
});
