/**
 * Test-only image IO with real pixels: decodes JPEG (jpeg-js) and PNG (pngjs), scales by
 * averaging, and encodes what the canvas holds with the same libraries. Normalize then runs end
 * to end in Node, so its output bytes can be inspected (metadata, format, size, transparency).
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { BitmapLike, CanvasLike, Context2DLike, ResolvedImageDeps } from './image-io';
import { sniffImageType } from './sniff';

/** RGBA pixels, row-major. */
export interface Raster extends BitmapLike {
  data: Uint8ClampedArray;
}

function raster(width: number, height: number, data = new Uint8ClampedArray(width * height * 4)): Raster {
  return { width, height, data, close: () => undefined };
}

/** Decode a JPEG or PNG file to RGBA. */
export function decodePixels(bytes: Uint8Array): Raster {
  const type = sniffImageType(bytes);
  if (type === 'image/jpeg') {
    const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    return raster(image.width, image.height, new Uint8ClampedArray(image.data));
  }
  if (type === 'image/png') {
    const image = PNG.sync.read(Buffer.from(bytes));
    return raster(image.width, image.height, new Uint8ClampedArray(image.data));
  }
  throw new Error(`pixel-io cannot decode ${type ?? 'this file'}`);
}

/** Box-filter `source` to width×height. */
export function scalePixels(source: Raster, width: number, height: number): Raster {
  const out = raster(width, height);
  for (let y = 0; y < height; y += 1) {
    const [y0, y1] = [Math.floor((y * source.height) / height), Math.max(Math.floor((y * source.height) / height) + 1, Math.floor(((y + 1) * source.height) / height))];
    for (let x = 0; x < width; x += 1) {
      const [x0, x1] = [Math.floor((x * source.width) / width), Math.max(Math.floor((x * source.width) / width) + 1, Math.floor(((x + 1) * source.width) / width))];
      const sum = [0, 0, 0, 0];
      for (let sy = y0; sy < y1; sy += 1) {
        for (let sx = x0; sx < x1; sx += 1) {
          for (let c = 0; c < 4; c += 1) sum[c]! += source.data[(sy * source.width + sx) * 4 + c] ?? 0;
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      for (let c = 0; c < 4; c += 1) out.data[(y * width + x) * 4 + c] = Math.round(sum[c]! / count);
    }
  }
  return out;
}

/** ResolvedImageDeps over real pixels; `encoded` collects every file the canvas produced. */
export function createPixelImageIo() {
  const encoded: Uint8Array[] = [];
  const deps: ResolvedImageDeps = {
    createImageBitmap: async (source, options) => {
      const decoded = source instanceof Blob ? decodePixels(new Uint8Array(await source.arrayBuffer())) : (source as Raster);
      const width = options?.resizeWidth ?? decoded.width;
      const height = options?.resizeHeight ?? decoded.height;
      return width === decoded.width && height === decoded.height ? decoded : scalePixels(decoded, width, height);
    },
    createCanvas: (width, height) => {
      let pixels = raster(width, height);
      const context: Context2DLike = {
        imageSmoothingEnabled: false,
        imageSmoothingQuality: 'low',
        drawImage: (image, _x, _y, w, h) => {
          const source = image as Raster;
          pixels = w === source.width && h === source.height ? raster(w, h, source.data.slice()) : scalePixels(source, w, h);
        },
        getImageData: () => ({ data: pixels.data }),
      };
      const canvas: CanvasLike = {
        getContext: () => context,
        convertToBlob: async (options) => {
          const data = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
          let bytes: Uint8Array;
          if (options?.type === 'image/jpeg') {
            bytes = new Uint8Array(jpeg.encode({ data, width, height }, Math.round((options.quality ?? 0.92) * 100)).data);
          } else {
            const png = new PNG({ width, height });
            png.data = data;
            bytes = new Uint8Array(PNG.sync.write(png));
          }
          encoded.push(bytes);
          return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: options?.type ?? 'image/png' });
        },
      };
      return canvas;
    },
    rasterizeSvg: null,
    decodeScaled: null,
  };
  return { deps, encoded };
}
