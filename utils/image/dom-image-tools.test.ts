// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { decodeScaledInDom, rasterizeSvgInDom, sizeSvgDocument } from './dom-image-tools';

const request = { width: 1024, height: 512, intrinsicWidth: 100, intrinsicHeight: 50 };
const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml');

describe('sizeSvgDocument', () => {
  it('sets the pixel size and adds a viewBox of the intrinsic size so the drawing scales', () => {
    const svg = parse('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="50" height="50"/></svg>');
    sizeSvgDocument(svg, request);
    const root = svg.documentElement;
    expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual(['1024', '512', '0 0 100 50']);
  });

  it('keeps a viewBox the SVG already has', () => {
    const svg = parse('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-5 -5 10 5"/>');
    sizeSvgDocument(svg, request);
    expect(svg.documentElement.getAttribute('viewBox')).toBe('-5 -5 10 5');
  });
});

/** A window whose Image, canvas and URL are fakes; DOMParser and XMLSerializer are happy-dom's. */
function fakeWindow() {
  const context = { drawImage: vi.fn(), fillRect: vi.fn(), fillStyle: '' };
  const canvas = { width: 0, height: 0, getContext: vi.fn(() => context) };
  const images: { src: string; width: number; height: number }[] = [];
  class FakeImage {
    src = '';
    constructor(
      readonly width: number,
      readonly height: number,
    ) {
      images.push(this);
    }
    decode = () => Promise.resolve();
  }
  const blobs: Blob[] = [];
  const win = {
    DOMParser,
    XMLSerializer,
    Image: FakeImage,
    document: { createElement: vi.fn(() => canvas) },
    URL: { createObjectURL: vi.fn((blob: Blob) => (blobs.push(blob), 'blob:chrome-extension://id/1')), revokeObjectURL: vi.fn() },
    createImageBitmap: vi.fn(async (source: { width: number; height: number }) => ({ width: source.width, height: source.height, close: vi.fn() })),
  };
  return { win: win as unknown as Window & typeof globalThis, context, canvas, images, blobs, raw: win };
}

describe('rasterizeSvgInDom', () => {
  it('draws the explicitly sized SVG from a blob: URL onto a canvas of the requested size, without a background', async () => {
    const w = fakeWindow();
    const bitmap = await rasterizeSvgInDom(new Blob(['<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"/>']), request, w.win);
    expect(bitmap).toMatchObject({ width: 1024, height: 512 });
    const drawn = await w.blobs[0]!.text();
    expect(drawn).toMatch(/width="1024"/);
    expect(drawn).toMatch(/viewBox="0 0 100 50"/);
    expect(w.images[0]?.src).toBe('blob:chrome-extension://id/1');
    expect(w.context.drawImage).toHaveBeenCalledWith(w.images[0], 0, 0, 1024, 512);
    expect(w.context.fillRect).not.toHaveBeenCalled();
    expect(w.raw.URL.revokeObjectURL).toHaveBeenCalledWith('blob:chrome-extension://id/1');
  });

  it.each([
    ['a document whose root is not <svg>', '<html xmlns="http://www.w3.org/1999/xhtml"/>'],
    ['XML cut off mid-tag', '<svg xmlns="http://www.w3.org/2000/svg"><rect'],
  ])('refuses %s before drawing', async (_name, text) => {
    const w = fakeWindow();
    await expect(rasterizeSvgInDom(new Blob([text]), request, w.win)).rejects.toThrow('the SVG is not well-formed XML');
    expect(w.raw.URL.createObjectURL).not.toHaveBeenCalled();
  });
});

/** A window with a fake ImageDecoder whose frame shows displayWidth×displayHeight. */
function decoderWindow(display: { width: number; height: number }) {
  const frame = { displayWidth: display.width, displayHeight: display.height, close: vi.fn() };
  const inits: ImageDecoderInit[] = [];
  const closeDecoder = vi.fn();
  class FakeImageDecoder {
    constructor(init: ImageDecoderInit) {
      inits.push(init);
    }
    decode = () => Promise.resolve({ image: frame, complete: true });
    close = closeDecoder;
  }
  const createImageBitmap = vi.fn(async (_source: unknown, options: ImageBitmapOptions) => ({ width: options.resizeWidth, height: options.resizeHeight, close: vi.fn() }));
  const win = { ImageDecoder: FakeImageDecoder, createImageBitmap } as unknown as typeof globalThis;
  return { win, frame, inits, closeDecoder, createImageBitmap };
}

describe('decodeScaledInDom', () => {
  const scaled = { type: 'image/jpeg', width: 1731, height: 1154, desiredWidth: 2165, desiredHeight: 1444 };

  it('asks ImageDecoder for the reduced size, then resizes the frame to the exact target', async () => {
    const d = decoderWindow({ width: 2165, height: 1444 });
    const bitmap = await decodeScaledInDom(new Blob([new Uint8Array([0xff, 0xd8])]), scaled, d.win);
    expect(d.inits[0]).toMatchObject({ type: 'image/jpeg', desiredWidth: 2165, desiredHeight: 1444 });
    expect(d.createImageBitmap).toHaveBeenCalledWith(d.frame, { resizeWidth: 1731, resizeHeight: 1154, resizeQuality: 'high' });
    expect(bitmap).toMatchObject({ width: 1731, height: 1154 });
    expect(d.frame.close).toHaveBeenCalled();
    expect(d.closeDecoder).toHaveBeenCalled();
  });

  it('refuses a frame whose shape shows another orientation than planned, releasing everything', async () => {
    const d = decoderWindow({ width: 1444, height: 2165 });
    await expect(decodeScaledInDom(new Blob([]), scaled, d.win)).rejects.toThrow('decoded 1444×2165, expected the shape of 1731×1154');
    expect(d.createImageBitmap).not.toHaveBeenCalled();
    expect(d.frame.close).toHaveBeenCalled();
    expect(d.closeDecoder).toHaveBeenCalled();
  });

  it('says so where ImageDecoder does not exist', async () => {
    await expect(decodeScaledInDom(new Blob([]), scaled, {} as typeof globalThis)).rejects.toThrow('ImageDecoder is not available');
  });
});
