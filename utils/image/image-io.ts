/**
 * The browser-only image IO shared by normalize and thumbnail: decode with createImageBitmap,
 * draw on an OffscreenCanvas. Everything a service worker has (no DOM, no Image, no document);
 * injected so unit tests in Node can pass fakes.
 */
import { defaultImageTools } from './default-image-tools';
import { formatBytes, ImageError } from './errors';
import type { ScaledDecoder, SvgRasterizer } from './image-tools';
import { formatLabel } from './plan';
import { describeContent, sniffImageType, SNIFF_BYTES, type SniffedImageType } from './sniff';

/** The part of ImageBitmap we use. */
export interface BitmapLike {
  readonly width: number;
  readonly height: number;
  close(): void;
}

/** The part of OffscreenCanvasRenderingContext2D we use. */
export interface Context2DLike {
  imageSmoothingEnabled: boolean;
  imageSmoothingQuality: ImageSmoothingQuality;
  drawImage(image: BitmapLike, dx: number, dy: number, dw: number, dh: number): void;
  getImageData(sx: number, sy: number, sw: number, sh: number): { data: Uint8ClampedArray };
}

/** The part of OffscreenCanvas we use. */
export interface CanvasLike {
  getContext(kind: '2d'): Context2DLike | null;
  convertToBlob(options?: { type?: string; quality?: number }): Promise<Blob>;
}

/** Injectable image IO; defaults to the worker globals and the context's image tools (default-image-tools.ts). */
export interface ImageDeps {
  createImageBitmap?: (source: Blob | BitmapLike, options?: ImageBitmapOptions) => Promise<BitmapLike>;
  createCanvas?: (width: number, height: number) => CanvasLike;
  /** Draws SVGs; null when nothing can (SVGs are then refused with a clear message). */
  rasterizeSvg?: SvgRasterizer | null;
  /** Decodes huge JPEGs at a reduced scale; null to always use createImageBitmap. */
  decodeScaled?: ScaledDecoder | null;
}

/** ImageDeps with the decoder and canvas present; the tools stay optional (not every context has them). */
export interface ResolvedImageDeps extends Required<Pick<ImageDeps, 'createImageBitmap' | 'createCanvas'>> {
  rasterizeSvg?: SvgRasterizer | null;
  decodeScaled?: ScaledDecoder | null;
}

/** Fill missing deps with the real globals (ImageBitmap and OffscreenCanvas satisfy the *Like types). */
export function resolveImageDeps(deps: ImageDeps = {}): ResolvedImageDeps {
  const tools = deps.rasterizeSvg === undefined || deps.decodeScaled === undefined ? defaultImageTools() : {};
  return {
    createImageBitmap:
      deps.createImageBitmap ??
      ((source, options) => globalThis.createImageBitmap(source as ImageBitmapSource, options ?? {})),
    createCanvas: deps.createCanvas ?? ((width, height) => new OffscreenCanvas(width, height) as unknown as CanvasLike),
    rasterizeSvg: deps.rasterizeSvg === undefined ? (tools.rasterizeSvg ?? null) : deps.rasterizeSvg,
    decodeScaled: deps.decodeScaled === undefined ? (tools.decodeScaled ?? null) : deps.decodeScaled,
  };
}

/** Sniff a blob's real type from its first bytes; ImageError('not-an-image') when it is no image. */
export async function sniffBlob(blob: Blob): Promise<SniffedImageType> {
  return sniffBytes(new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer()), blob.type);
}

/** sniffBlob for bytes already read; `label` is the server's type, named in the message only. */
export function sniffBytes(bytes: Uint8Array, label?: string): SniffedImageType {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const type = sniffImageType(head);
  if (!type) {
    throw new ImageError('not-an-image', `The file is not an image (it looks like ${describeContent(head, label)}).`);
  }
  return type;
}

/** Decode with EXIF orientation applied; ImageError('undecodable') when the browser cannot. */
export async function decodeImage(blob: Blob, type: SniffedImageType, deps: ResolvedImageDeps): Promise<BitmapLike> {
  let bitmap: BitmapLike;
  try {
    bitmap = await deps.createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch (cause) {
    throw undecodable(blob, type, cause);
  }
  if (bitmap.width < 1 || bitmap.height < 1) {
    bitmap.close();
    throw undecodable(blob, type);
  }
  return bitmap;
}

/** Draw `source` at width×height on a new canvas, downscaling with the browser's best filter. */
export async function renderScaled(
  source: BitmapLike,
  width: number,
  height: number,
  deps: ResolvedImageDeps,
): Promise<{ canvas: CanvasLike; context: Context2DLike }> {
  const canvas = deps.createCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new ImageError('undecodable', 'The browser could not create a canvas to convert the image.');
  const same = width === source.width && height === source.height;
  let scaled: BitmapLike | null = null;
  if (!same) {
    try {
      // createImageBitmap's resize is a proper multi-tap filter; drawImage alone can alias on big reductions.
      scaled = await deps.createImageBitmap(source, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
    } catch {
      scaled = null; // Older engines lack resize options: fall back to a smoothed drawImage.
    }
  }
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(scaled ?? source, 0, 0, width, height);
  scaled?.close();
  return { canvas, context };
}

/** True when some pixel of the canvas is not fully opaque. */
export function hasTransparency(context: Context2DLike, width: number, height: number): boolean {
  const { data } = context.getImageData(0, 0, width, height);
  for (let i = 3; i < data.length; i += 4) {
    if ((data[i] ?? 255) < 255) return true;
  }
  return false;
}

/** JPEG never carries alpha: skip reading its pixels back. */
export function canHaveAlpha(type: SniffedImageType): boolean {
  return type !== 'image/jpeg';
}

/** Every browser decodes these, so a failure means the bytes are bad, not the format unsupported. */
const UNIVERSAL_TYPES: ReadonlySet<SniffedImageType> = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp']);

/** "The JPEG file is damaged or incomplete (48.2 kB): it is cut off before the end-of-image marker." */
export function damagedFile(type: SniffedImageType, bytes: number, detail?: string, cause?: unknown): ImageError {
  const message = `The ${formatLabel(type)} file is damaged or incomplete (${formatBytes(bytes)})${detail ? `: ${detail}` : ''}.`;
  return new ImageError('undecodable', message, { cause, reason: detail ? `damaged: ${detail}` : 'damaged' });
}

/** The error for a decode that failed: damaged for formats every browser reads, otherwise unsupported. */
export function undecodable(blob: Blob, type: SniffedImageType, cause?: unknown): ImageError {
  if (UNIVERSAL_TYPES.has(type)) return damagedFile(type, blob.size, undefined, cause);
  const what = `The ${formatLabel(type)} image (${formatBytes(blob.size)})`;
  const message =
    type === 'image/svg+xml' || type === 'image/heic' || type === 'image/tiff'
      ? `${what} could not be decoded: this browser cannot convert ${formatLabel(type)} files here. Try a JPEG or PNG version.`
      : `${what} could not be decoded (is it a corrupt or unsupported file?).`;
  return new ImageError('undecodable', message, { cause });
}
