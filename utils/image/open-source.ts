/**
 * Turn a source file into a bitmap no larger than it needs to be. When the header tells the
 * displayed size and that is over the caps, decode straight at the target size: through the
 * scaled decoder for huge JPEGs (the only path that never holds the full-size pixels in Chrome),
 * else createImageBitmap with resize options. Otherwise decode at full size as before. SVGs are
 * drawn by the rasteriser at a size chosen from their width/height/viewBox.
 */
import { ImageError } from './errors';
import { knowsDisplaySize, type ImageHeader } from './header';
import { decodeImage, undecodable, type BitmapLike, type ResolvedImageDeps } from './image-io';
import { SCALED_DECODE_MIN_PIXELS, scaledDecodeSize } from './image-tools';
import { DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE, fitWithin, type NormalizeLimits } from './plan';
import type { SniffedImageType } from './sniff';
import { svgIntrinsicSize, svgRasterSize, type Size } from './svg-size';

/** A decoded source: the bitmap, and the displayed size of the original it stands for. */
export interface OpenedSource {
  bitmap: BitmapLike;
  /** The original's displayed size (the bitmap may already be smaller). */
  width: number;
  height: number;
  /** For an SVG: the size it was drawn at, which the plan treats as the source size. */
  rasterized?: Size;
}

/** Decode `blob` for an output within `limits`; see the module comment. */
export async function openSource(
  blob: Blob,
  type: SniffedImageType,
  header: ImageHeader | null,
  io: ResolvedImageDeps,
  limits: NormalizeLimits = {},
): Promise<OpenedSource> {
  const caps = { maxPixels: limits.maxPixels ?? DEFAULT_MAX_PIXELS, maxSide: limits.maxSide ?? DEFAULT_MAX_SIDE };
  if (type === 'image/svg+xml') return rasterize(blob, io, caps);
  if (knowsDisplaySize(header)) {
    const target = fitWithin(header.width, header.height, caps.maxPixels, caps.maxSide);
    if (target.width < header.width || target.height < header.height) {
      const bitmap = await decodeAtSize(blob, type, header, target, io);
      if (bitmap) return { bitmap, width: header.width, height: header.height };
    }
  }
  const bitmap = await decodeImage(blob, type, io);
  return { bitmap, width: bitmap.width, height: bitmap.height };
}

/** A bitmap of exactly `target`, or null when neither reduced decode worked (the caller decodes in full). */
async function decodeAtSize(blob: Blob, type: SniffedImageType, header: ImageHeader, target: Size, io: ResolvedImageDeps): Promise<BitmapLike | null> {
  if (io.decodeScaled && type === 'image/jpeg' && header.width * header.height >= SCALED_DECODE_MIN_PIXELS) {
    const desired = scaledDecodeSize(header, target);
    const bitmap = await io.decodeScaled(blob, { type, ...target, desiredWidth: desired.width, desiredHeight: desired.height }).catch(() => null);
    if (bitmap && bitmap.width === target.width && bitmap.height === target.height) return bitmap;
    bitmap?.close();
  }
  // Resize options are in displayed orientation (checked in Chromium 156 with an EXIF-rotated JPEG).
  const options: ImageBitmapOptions = { imageOrientation: 'from-image', resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' };
  const bitmap = await io.createImageBitmap(blob, options).catch(() => null);
  if (bitmap && bitmap.width === target.width && bitmap.height === target.height) return bitmap;
  bitmap?.close();
  return null;
}

async function rasterize(blob: Blob, io: ResolvedImageDeps, caps: { maxPixels: number; maxSide: number }): Promise<OpenedSource> {
  if (!io.rasterizeSvg) throw undecodable(blob, 'image/svg+xml');
  const intrinsic = svgIntrinsicSize(await blob.text());
  const size = svgRasterSize(intrinsic, caps);
  let bitmap: BitmapLike;
  try {
    bitmap = await io.rasterizeSvg(blob, { ...size, intrinsicWidth: intrinsic.width, intrinsicHeight: intrinsic.height });
  } catch (cause) {
    const why = cause instanceof Error ? `: ${cause.message}` : '';
    throw new ImageError('undecodable', `The SVG image could not be drawn${why}.`, { cause });
  }
  return { bitmap, width: Math.max(1, Math.round(intrinsic.width)), height: Math.max(1, Math.round(intrinsic.height)), rasterized: size };
}
