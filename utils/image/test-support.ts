/**
 * Test-only helpers for utils/image: real magic bytes for each format, and a fake of the
 * createImageBitmap/OffscreenCanvas pair that records what the code under test asked for.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { ImageError } from './errors';
import type { BitmapLike, CanvasLike, Context2DLike, ResolvedImageDeps } from './image-io';

/** A real JPEG file (jpeg-js encoder). */
export function jpegBytes(width = 4, height = 3): Uint8Array<ArrayBuffer> {
  const data = Buffer.alloc(width * height * 4, 200);
  return new Uint8Array(jpeg.encode({ data, width, height }, 90).data);
}

/** A real PNG file (pngjs encoder), transparent when alpha < 255. */
export function pngBytes(width = 4, height = 3, alpha = 255): Uint8Array<ArrayBuffer> {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([10, 20, 30, alpha], i);
  return new Uint8Array(PNG.sync.write(png));
}

/** 1×1 GIF89a and lossless WebP, the classic smallest valid files. */
export const GIF_1PX = fromBase64('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7');
export const WEBP_1PX = fromBase64('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==');

/** The ftyp box an AVIF (or, with other brands, HEIC) file starts with. */
export function ftypBytes(major: string, compatible: string[]): Uint8Array<ArrayBuffer> {
  const size = 16 + 4 * compatible.length;
  const text = `${major}\0\0\0\0${compatible.join('')}`;
  return new Uint8Array([0, 0, 0, size, ...ascii('ftyp'), ...ascii(text), 0, 0, 0, 0]);
}

/** A complete 1×1 24-bit BMP. */
export function bmpBytes(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(58);
  const view = new DataView(bytes.buffer);
  bytes.set(ascii('BM'));
  view.setUint32(2, 58, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true); // BITMAPINFOHEADER
  view.setInt32(18, 1, true);
  view.setInt32(22, 1, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  return bytes;
}

export function ascii(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** What the fake decoder knows about a blob: its pixel size and whether it has transparent pixels. */
export interface FakePicture {
  width: number;
  height: number;
  alpha?: boolean;
}

/** A bitmap made by the fake; `closed` lets tests check nothing leaks. */
export interface FakeBitmap extends BitmapLike {
  alpha: boolean;
  closed: boolean;
}

/** One convertToBlob call seen by the fake. */
export interface EncodeCall {
  width: number;
  height: number;
  type: string;
  quality: number | undefined;
  size: number;
}

/**
 * Fake image IO. `decode` says what a blob decodes to (throw to simulate a corrupt file);
 * `encodedSize` says how many bytes an encode produces, so size-fitting loops can be driven.
 */
export function createFakeImageIo(options: {
  decode: (blob: Blob) => FakePicture;
  encodedSize?: (call: Omit<EncodeCall, 'size'>) => number;
}) {
  const bitmapCalls: { source: Blob | BitmapLike; options: ImageBitmapOptions | undefined }[] = [];
  const encodes: EncodeCall[] = [];
  const bitmaps: FakeBitmap[] = [];
  const makeBitmap = (width: number, height: number, alpha: boolean): FakeBitmap => {
    const bitmap: FakeBitmap = { width, height, alpha, closed: false, close: () => void (bitmap.closed = true) };
    bitmaps.push(bitmap);
    return bitmap;
  };
  const deps: ResolvedImageDeps = {
    createImageBitmap: async (source, bitmapOptions) => {
      bitmapCalls.push({ source, options: bitmapOptions });
      if (source instanceof Blob) {
        const picture = options.decode(source);
        // Like the browser: resize options give a bitmap of exactly that size, decoded from the file.
        const width = bitmapOptions?.resizeWidth ?? picture.width;
        const height = bitmapOptions?.resizeHeight ?? picture.height;
        return makeBitmap(width, height, picture.alpha ?? false);
      }
      const from = source as FakeBitmap;
      return makeBitmap(bitmapOptions?.resizeWidth ?? from.width, bitmapOptions?.resizeHeight ?? from.height, from.alpha);
    },
    createCanvas: (width, height) => {
      let drawnAlpha = false;
      const context: Context2DLike = {
        imageSmoothingEnabled: false,
        imageSmoothingQuality: 'low',
        drawImage: (image) => {
          if ((image as FakeBitmap).closed) throw new Error('drew a closed bitmap');
          drawnAlpha = (image as FakeBitmap).alpha;
        },
        getImageData: (_x, _y, w, h) => {
          const data = new Uint8ClampedArray(w * h * 4).fill(255);
          if (drawnAlpha) data[data.length - 1] = 0; // one transparent pixel, in the last corner
          return { data };
        },
      };
      const canvas: CanvasLike = {
        getContext: () => context,
        convertToBlob: async (encodeOptions) => {
          const call = { width, height, type: encodeOptions?.type ?? 'image/png', quality: encodeOptions?.quality };
          const size = options.encodedSize?.(call) ?? 100;
          encodes.push({ ...call, size });
          return new Blob([new Uint8Array(size)], { type: call.type });
        },
      };
      return canvas;
    },
  };
  return { deps, bitmapCalls, encodes, bitmaps };
}

/** The ImageError a promise rejects with (fails the test when it resolves or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<ImageError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageError);
  return error as ImageError;
}
