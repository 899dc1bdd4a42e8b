// Output geometry: aspect-ratio crops, size caps and the picture made when no image is given.
import type { Raster } from './image-codec';

/** Parses "16:9" into 16/9; null for match_input_image or garbage. */
export function ratioOf(aspect: string | undefined): number | null {
  const match = /^(\d+):(\d+)$/.exec(aspect ?? '');
  return match ? Number(match[1]) / Number(match[2]) : null;
}

/** Centre-crops to a width/height ratio. */
export function cropToRatio(src: Raster, ratio: number): Raster {
  let width = src.width;
  let height = Math.round(width / ratio);
  if (height > src.height) {
    height = src.height;
    width = Math.max(1, Math.round(height * ratio));
  }
  const left = Math.floor((src.width - width) / 2);
  const top = Math.floor((src.height - height) / 2);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * src.width + left) * 4;
    data.set(src.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

/** Nearest-neighbour downscale so outputs stay near the model's ~1-2 MP and encoding stays fast. */
export function capPixels(src: Raster, maxPixels: number): Raster {
  const scale = Math.sqrt(maxPixels / (src.width * src.height));
  if (scale >= 1) return src;
  const width = Math.max(1, Math.floor(src.width * scale));
  const height = Math.max(1, Math.floor(src.height * scale));
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(src.height - 1, Math.floor(y / scale));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(src.width - 1, Math.floor(x / scale));
      const from = (sy * src.width + sx) * 4;
      data.set(src.data.subarray(from, from + 4), (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

/** About one megapixel at the ratio, in multiples of 16 like the model's outputs. */
export function sizeForRatio(ratio: number | null): { width: number; height: number } {
  const r = ratio ?? 1;
  const round16 = (v: number): number => Math.max(16, Math.round(v / 16) * 16);
  return { width: round16(Math.sqrt(1024 * 1024 * r)), height: round16(Math.sqrt((1024 * 1024) / r)) };
}

/** A diagonal gradient: the "generated" picture when no input image is sent. */
export function gradient(width: number, height: number): Raster {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = Math.round((255 * x) / Math.max(1, width - 1));
      data[i + 1] = Math.round((255 * y) / Math.max(1, height - 1));
      data[i + 2] = 160;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}
