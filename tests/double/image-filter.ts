// Deterministic stand-ins for an edit: a filter chosen from the prompt, so a test can tell from the
// pixels that the output came from its own input and instruction.
import { createHash } from 'node:crypto';
import type { Raster } from './image-codec';

/** The filters the double can apply. */
export type FilterName = 'cartoon' | 'grayscale' | 'sepia' | 'invert' | 'hue';

/** A filter and, for 'hue', the rotation in degrees. */
export interface FilterChoice {
  name: FilterName;
  degrees: number;
}

const RULES: Array<[FilterName, RegExp]> = [
  ['grayscale', /black and white|black & white|gr[ae]yscale|monochrome|noir|b&w/i],
  ['invert', /invert|negative/i],
  ['sepia', /sepia|vintage|\bold\b/i],
  ['cartoon', /cartoon|comic|anime|illustration/i],
];

/** Picks the filter from the prompt; other prompts rotate hues by an angle hashed from prompt and seed. */
export function chooseFilter(prompt: string, seed: number | null = null): FilterChoice {
  for (const [name, pattern] of RULES) if (pattern.test(prompt)) return { name, degrees: 0 };
  const hash = createHash('sha256').update(`${prompt}\u0000${seed ?? ''}`).digest();
  // 60..299 degrees: always a visible change.
  return { name: 'hue', degrees: 60 + (hash.readUInt16BE(0) % 240) };
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

function mapPixels(src: Raster, fn: (r: number, g: number, b: number) => [number, number, number]): Raster {
  const data = new Uint8Array(src.data.length);
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = fn(src.data[i] ?? 0, src.data[i + 1] ?? 0, src.data[i + 2] ?? 0);
    data[i] = clamp(r);
    data[i + 1] = clamp(g);
    data[i + 2] = clamp(b);
    data[i + 3] = 255;
  }
  return { width: src.width, height: src.height, data };
}

const luma = (r: number, g: number, b: number): number => 0.299 * r + 0.587 * g + 0.114 * b;

/** Rotates hue with the standard luminance-preserving matrix. */
function hueRotate(src: Raster, degrees: number): Raster {
  const a = (degrees * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const m = [
    0.213 + c * 0.787 - s * 0.213, 0.715 - c * 0.715 - s * 0.715, 0.072 - c * 0.072 + s * 0.928,
    0.213 - c * 0.213 + s * 0.143, 0.715 + c * 0.285 + s * 0.14, 0.072 - c * 0.072 - s * 0.283,
    0.213 - c * 0.213 - s * 0.787, 0.715 - c * 0.715 + s * 0.715, 0.072 + c * 0.928 + s * 0.072,
  ] as const;
  return mapPixels(src, (r, g, b) => [
    m[0] * r + m[1] * g + m[2] * b,
    m[3] * r + m[4] * g + m[5] * b,
    m[6] * r + m[7] * g + m[8] * b,
  ]);
}

/** Strong posterize plus dark outlines where brightness jumps. */
function cartoon(src: Raster): Raster {
  const poster = mapPixels(src, (r, g, b) => [r, g, b].map((v) => Math.round(v / 85) * 85) as [number, number, number]);
  const { width, height, data } = poster;
  const out = new Uint8Array(data);
  const at = (x: number, y: number): number => {
    const i = (y * width + x) * 4;
    return luma(src.data[i] ?? 0, src.data[i + 1] ?? 0, src.data[i + 2] ?? 0);
  };
  for (let y = 0; y < height - 1; y++) {
    for (let x = 0; x < width - 1; x++) {
      const edge = Math.abs(at(x + 1, y) - at(x, y)) + Math.abs(at(x, y + 1) - at(x, y));
      if (edge > 48) out.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { width, height, data: out };
}

/** Applies a filter. */
export function applyFilter(src: Raster, choice: FilterChoice): Raster {
  switch (choice.name) {
    case 'grayscale':
      return mapPixels(src, (r, g, b) => {
        const y = luma(r, g, b);
        return [y, y, y];
      });
    case 'invert':
      return mapPixels(src, (r, g, b) => [255 - r, 255 - g, 255 - b]);
    case 'sepia':
      return mapPixels(src, (r, g, b) => [
        0.393 * r + 0.769 * g + 0.189 * b,
        0.349 * r + 0.686 * g + 0.168 * b,
        0.272 * r + 0.534 * g + 0.131 * b,
      ]);
    case 'cartoon':
      return cartoon(src);
    case 'hue':
      return hueRotate(src, choice.degrees);
  }
}
