/**
 * Sizes for rasterising an SVG, from the root element's width, height and viewBox: pure text
 * parsing, so it runs in the service worker (no DOMParser there) and in tests.
 */
import { fitWithin } from './plan';

/** A pixel size. */
export interface Size {
  width: number;
  height: number;
}

/** What browsers give an SVG that states no size at all (the CSS default for replaced elements). */
export const SVG_DEFAULT_SIZE: Size = { width: 300, height: 150 };

/** Icons are drawn at 16–48 px: render them large enough for the model to see detail. */
export const SVG_MIN_LONG_SIDE = 1024;

/** CSS pixels per unit; em/ex use the browser's default 16 px font. */
const UNIT_PX: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6, em: 16, rem: 16, ex: 8 };

/** The attributes of the root <svg> start tag (after any prolog, comments and doctype); null when there is none. */
export function readSvgRootAttributes(text: string): Record<string, string> | null {
  let rest = text.replace(/^\uFEFF/, '');
  for (;;) {
    const skipped = rest.replace(/^\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^[>]*(\[[\s\S]*?\])?\s*>)/i, '');
    if (skipped === rest) break;
    rest = skipped;
  }
  const tag = /^\s*<(?:[\w.-]+:)?svg(\s[^>]*)?\/?>/i.exec(rest);
  if (!tag) return null;
  const attributes: Record<string, string> = {};
  for (const match of (tag[1] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[(match[1] ?? '').toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  return attributes;
}

/** A CSS length in px ("10cm" → 377.95…); undefined for percentages, "auto" and nonsense. */
export function parseSvgLength(value: string | undefined): number | undefined {
  const match = /^\s*\+?(\d*\.?\d+(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(value ?? '');
  const factor = UNIT_PX[(match?.[2] ?? '').toLowerCase()];
  if (!match || factor === undefined) return undefined;
  const px = Number(match[1]) * factor;
  return px > 0 && Number.isFinite(px) ? px : undefined;
}

/** The viewBox's width and height, when it has four numbers and a positive area. */
export function parseViewBox(value: string | undefined): Size | undefined {
  const numbers = (value ?? '').trim().split(/[\s,]+/).map(Number);
  const [, , width, height] = numbers;
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n)) || !(width! > 0 && height! > 0)) return undefined;
  return { width: width!, height: height! };
}

/** The size an SVG asks to be shown at, in CSS px, the way browsers size an <img> of it. */
export function svgIntrinsicSize(text: string): Size {
  const attributes = readSvgRootAttributes(text) ?? {};
  const width = parseSvgLength(attributes.width);
  const height = parseSvgLength(attributes.height);
  const viewBox = parseViewBox(attributes.viewbox);
  if (width && height) return { width, height };
  if (viewBox && width) return { width, height: (width * viewBox.height) / viewBox.width };
  if (viewBox && height) return { width: (height * viewBox.width) / viewBox.height, height };
  if (viewBox) return viewBox;
  return { width: width ?? SVG_DEFAULT_SIZE.width, height: height ?? SVG_DEFAULT_SIZE.height };
}

/** The pixel size to draw an SVG at: its own aspect ratio, long side at least minLongSide, within the caps. */
export function svgRasterSize(intrinsic: Size, limits: { maxPixels: number; maxSide: number }, minLongSide = SVG_MIN_LONG_SIDE): Size {
  const scale = Math.max(1, minLongSide / Math.max(intrinsic.width, intrinsic.height));
  const width = Math.max(1, Math.round(intrinsic.width * scale));
  const height = Math.max(1, Math.round(intrinsic.height * scale));
  return fitWithin(width, height, limits.maxPixels, limits.maxSide);
}
