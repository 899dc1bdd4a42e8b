/**
 * Image work a service worker cannot do itself (no DOM, no ImageDecoder): drawing an SVG, and
 * decoding a huge JPEG at a fraction of its size. In Chrome they run in the offscreen document,
 * in Firefox's event page directly; normalize reaches them through ImageDeps.
 */
import type { BitmapLike } from './image-io';

/** Draw an SVG at width×height (its intrinsic CSS size says how its content maps to that). */
export interface SvgRasterRequest {
  width: number;
  height: number;
  intrinsicWidth: number;
  intrinsicHeight: number;
}

/** Decode at a reduced scale (desired*), then resize to exactly width×height (displayed orientation). */
export interface ScaledDecodeRequest {
  type: string;
  width: number;
  height: number;
  desiredWidth: number;
  desiredHeight: number;
}

/** Rasterises an SVG, keeping transparency. */
export type SvgRasterizer = (svg: Blob, request: SvgRasterRequest) => Promise<BitmapLike>;

/** Decodes an image without a full-size intermediate; resolves to a bitmap of exactly the requested size. */
export type ScaledDecoder = (image: Blob, request: ScaledDecodeRequest) => Promise<BitmapLike>;

/** The tools one context offers. */
export interface ImageTools {
  rasterizeSvg: SvgRasterizer;
  decodeScaled: ScaledDecoder;
}

/**
 * Below this many source pixels a full decode (4 bytes each: 48 MB here) costs about what
 * starting the offscreen document does, so the scaled decoder is not worth a round trip.
 */
export const SCALED_DECODE_MIN_PIXELS = 12_000_000;

/**
 * The desiredWidth/Height that make Chrome's ImageDecoder pick the smallest libjpeg scale n/8
 * whose result is still at least `target`. Chrome compares areas and rounds the scale down
 * (measured with Chromium 156: 8660×5774 asked for 1732×1154 decodes at 1/8 = 1083×722, too
 * small; asked for 2165×1444 it decodes at 1/4), so ask for the exact n/8 size.
 */
export function scaledDecodeSize(source: { width: number; height: number }, target: { width: number; height: number }): { width: number; height: number } {
  // libjpeg rounds scaled sizes up, so the smallest n whose rounded-up size covers the target will do.
  const at = (eighths: number) => ({ width: Math.ceil((source.width * eighths) / 8), height: Math.ceil((source.height * eighths) / 8) });
  for (let eighths = 1; eighths < 8; eighths += 1) {
    const size = at(eighths);
    if (size.width >= target.width && size.height >= target.height) return size;
  }
  return at(8);
}
