import { describe, expect, it, vi } from 'vitest';
import { toPng, type PngDeps } from './to-png';

function fakeDeps(): PngDeps & { closed: () => boolean } {
  let closed = false;
  const bitmap = { width: 2, height: 1, close: () => { closed = true; } } as unknown as ImageBitmap;
  return {
    decode: vi.fn(async () => bitmap),
    encode: vi.fn(async () => new Blob(['png-bytes'], { type: 'image/png' })),
    closed: () => closed,
  };
}

describe('toPng', () => {
  it('returns a PNG unchanged without decoding it', async () => {
    const deps = fakeDeps();
    const png = new Blob(['x'], { type: 'image/png' });
    expect(await toPng(png, deps)).toBe(png);
    expect(deps.decode).not.toHaveBeenCalled();
  });

  it('re-encodes a JPEG as image/png and releases the decoded bitmap', async () => {
    const deps = fakeDeps();
    const result = await toPng(new Blob(['jpeg'], { type: 'image/jpeg' }), deps);
    expect(result.type).toBe('image/png');
    expect(await result.text()).toBe('png-bytes');
    expect(deps.closed()).toBe(true);
  });

  it('passes a decoding failure on to the caller', async () => {
    const deps = { ...fakeDeps(), decode: async () => Promise.reject(new Error('bad image')) };
    await expect(toPng(new Blob(['?'], { type: 'image/jpeg' }), deps)).rejects.toThrow('bad image');
  });
});
