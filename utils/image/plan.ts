/**
 * Pure decisions about how to prepare an image for the model: target size, format and quality.
 * No IO here, so every rule is one row of a table test (plan.test.ts).
 */
import { formatBytes } from './errors';

/** What we know about a decoded source image. */
export interface ImageFacts {
  /** Pixel size after EXIF orientation is applied. */
  width: number;
  height: number;
  /** The sniffed MIME type of the source bytes. */
  type: string;
  /** Size of the source file in bytes. */
  bytes: number;
  /** True when some pixel is not fully opaque. */
  hasAlpha: boolean;
  /** True when the file holds more than one frame (only the first is decoded). */
  animated?: boolean;
}

/** How to encode the image that is sent to the model. */
export interface NormalizePlan {
  width: number;
  height: number;
  type: 'image/jpeg' | 'image/png';
  /** JPEG quality in (0, 1]; absent for PNG. */
  quality?: number;
  /** Always true today; kept explicit so callers never assume the source bytes are passed through. */
  reencode: boolean;
  /** Human-readable changes made to the image, shown next to the edit. */
  notes: string[];
}

/** Limits for the image sent to the model. */
export interface NormalizeLimits {
  /** Largest pixel count sent; FLUX Kontext works at about 1 MP, so more only costs upload time. */
  maxPixels?: number;
  /** Largest encoded size; Replicate's docs advise data URIs of at most 1 MB. */
  maxBytes?: number;
  /** Largest side: canvases refuse very long sides (Chrome: 32 767 px), and strips are useless to edit. */
  maxSide?: number;
}

/** The default pixel cap; callers pass their setting as NormalizeLimits.maxPixels. */
export const DEFAULT_MAX_PIXELS = 2_000_000;
export const DEFAULT_MAX_BYTES = 1_000_000;
export const DEFAULT_MAX_SIDE = 8192;
export const DEFAULT_JPEG_QUALITY = 0.9;
/** Below this JPEG quality artefacts show; shrink the image instead. */
export const MIN_JPEG_QUALITY = 0.7;
/** planSmaller gives up rather than send an image whose longer side is below this. */
export const MIN_LONG_SIDE = 256;

const FIT_NOTE_PREFIX = 'To stay under ';

/** Decide the first encoding attempt for an image with these facts. */
export function planNormalization(facts: ImageFacts, limits: NormalizeLimits = {}): NormalizePlan {
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_PIXELS;
  const maxSide = limits.maxSide ?? DEFAULT_MAX_SIDE;
  if (!(facts.width >= 1 && facts.height >= 1)) throw new RangeError(`Invalid image size ${facts.width}×${facts.height}`);
  const { width, height } = fitWithin(facts.width, facts.height, maxPixels, maxSide);
  const notes: string[] = [];
  if (width !== facts.width || height !== facts.height) {
    notes.push(`Scaled down from ${facts.width}×${facts.height} to ${width}×${height}.`);
  }
  // Decoders give the first frame of an animation; say so only when there were others.
  if (facts.animated) notes.push(`Only the first frame of the animated ${formatLabel(facts.type)} is used.`);
  // Always re-encode, even when the source is already a small JPEG or PNG: drawing to a canvas
  // drops EXIF/GPS/XMP metadata (the user's location must not leave with the photo), bakes in the
  // EXIF orientation (which the model might ignore), and guarantees a format the model accepts.
  if (facts.hasAlpha) {
    if (facts.type !== 'image/png') notes.push(`Converted ${formatLabel(facts.type)} to PNG to keep transparency.`);
    return { width, height, type: 'image/png', reencode: true, notes };
  }
  if (facts.type !== 'image/jpeg') notes.push(`Converted ${formatLabel(facts.type)} to JPEG.`);
  return { width, height, type: 'image/jpeg', quality: DEFAULT_JPEG_QUALITY, reencode: true, notes };
}

/**
 * The next attempt after `previous` encoded to `encodedBytes` > `maxBytes`: first a lower JPEG
 * quality, then a smaller size (PNG can only shrink). Null when it already fits or cannot get
 * smaller sensibly, so a loop over it always ends.
 */
export function planSmaller(previous: NormalizePlan, encodedBytes: number, maxBytes: number): NormalizePlan | null {
  if (encodedBytes <= maxBytes) return null;
  const ratio = encodedBytes / maxBytes;
  const notes = previous.notes.filter((note) => !note.startsWith(FIT_NOTE_PREFIX));
  const limit = formatBytes(maxBytes);
  const quality = previous.quality;
  // Quality only helps when we are close: from 0.9 to 0.7 a JPEG roughly halves at best.
  if (previous.type === 'image/jpeg' && quality !== undefined && quality > MIN_JPEG_QUALITY && ratio <= 2) {
    const lower = Math.max(MIN_JPEG_QUALITY, Math.round((quality - 0.1) * 100) / 100);
    notes.push(`${FIT_NOTE_PREFIX}${limit}, JPEG quality was lowered to ${Math.round(lower * 100)}%.`);
    return { ...previous, quality: lower, notes };
  }
  // Encoded size grows roughly with the pixel count: aim a little under the limit.
  const scale = Math.min(0.9, Math.sqrt(1 / ratio) * 0.95);
  const width = Math.max(1, Math.floor(previous.width * scale));
  const height = Math.max(1, Math.floor(previous.height * scale));
  if (Math.max(width, height) < MIN_LONG_SIDE) return null;
  const qualityText = previous.type === 'image/jpeg' ? ` at JPEG quality ${Math.round((quality ?? 1) * 100)}%` : '';
  notes.push(`${FIT_NOTE_PREFIX}${limit}, the image was reduced to ${width}×${height}${qualityText}.`);
  return { ...previous, width, height, notes };
}

/** Largest integer size with the same aspect ratio inside both limits; never larger than the source. */
export function fitWithin(width: number, height: number, maxPixels: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, Math.sqrt(maxPixels / (width * height)), maxSide / width, maxSide / height);
  if (scale >= 1) return { width, height };
  let w = Math.max(1, Math.floor(width * scale));
  let h = Math.max(1, Math.floor(height * scale));
  // Clamping a thin side up to 1 px can push the area over the cap: take it from the long side.
  if (w * h > maxPixels) {
    if (w >= h) w = Math.max(1, Math.floor(maxPixels / h));
    else h = Math.max(1, Math.floor(maxPixels / w));
  }
  return { width: w, height: h };
}

/** "image/webp" → "WebP", for notes and messages. */
export function formatLabel(type: string): string {
  const labels: Record<string, string> = {
    'image/jpeg': 'JPEG',
    'image/png': 'PNG',
    'image/gif': 'GIF',
    'image/webp': 'WebP',
    'image/avif': 'AVIF',
    'image/bmp': 'BMP',
    'image/x-icon': 'ICO',
    'image/svg+xml': 'SVG',
    'image/heic': 'HEIC',
    'image/tiff': 'TIFF',
  };
  return labels[type] ?? type;
}
