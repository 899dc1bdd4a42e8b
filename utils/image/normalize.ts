/**
 * Turn any image into the JPEG or PNG the model gets: oriented, scaled, stripped, under the byte cap.
 *
 *   bytes ─▶ sniff ─▶ header (size, frames, alpha, cut off?) ─▶ damaged? ─▶ clear error
 *                                   │
 *                                   ▼
 *            open-source: SVG → rasteriser · over the cap → decode at target size · else full decode
 *                                   │
 *                                   ▼
 *            plan (size, JPEG/PNG, notes) ─▶ draw ─▶ encode ─▶ over maxBytes? ─▶ planSmaller ─┐
 *                                              ▲                                              │
 *                                              └──────────────────────────────────────────────┘
 */
import { formatBytes, ImageError } from './errors';
import { readImageHeader, type ImageHeader } from './header';
import {
  canHaveAlpha,
  damagedFile,
  hasTransparency,
  renderScaled,
  resolveImageDeps,
  sniffBytes,
  type CanvasLike,
  type ImageDeps,
} from './image-io';
import { openSource } from './open-source';
import { DEFAULT_MAX_BYTES, formatLabel, planNormalization, planSmaller, type NormalizeLimits, type NormalizePlan } from './plan';
import type { SniffedImageType } from './sniff';

export { DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE, type NormalizeLimits } from './plan';

/** The image ready to send, with what was done to it. */
export interface NormalizedImage {
  blob: Blob;
  width: number;
  height: number;
  type: 'image/jpeg' | 'image/png';
  sourceWidth: number;
  sourceHeight: number;
  /** Sniffed from the bytes, not the server's Content-Type. */
  sourceType: string;
  notes: string[];
}

/** planSmaller always ends; this only bounds the work if a browser's encoder misbehaves. */
const MAX_ATTEMPTS = 12;

/** Decode, orient, scale and re-encode `blob` for the model (see plan.ts for the rules). */
export async function normalizeImage(blob: Blob, deps?: ImageDeps, limits: NormalizeLimits = {}): Promise<NormalizedImage> {
  const io = resolveImageDeps(deps);
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const { sourceType, header } = await inspect(blob);
  const opened = await openSource(blob, sourceType, header, io, limits);
  const source = opened.bitmap;
  try {
    const drawn = opened.rasterized ?? opened;
    const facts = { width: drawn.width, height: drawn.height, type: sourceType, bytes: blob.size, animated: header?.animated ?? false };
    const extraNotes = opened.rasterized ? [`Rendered the ${formatLabel(sourceType)} at ${drawn.width}×${drawn.height}.`] : [];
    // Size does not depend on alpha, so draw once at the planned size and read alpha from that.
    const sized = planNormalization({ ...facts, hasAlpha: false }, limits);
    let rendered = await renderScaled(source, sized.width, sized.height, io);
    // Formats that cannot hold alpha (JPEG, PNG without tRNS…) skip reading the pixels back.
    const hasAlpha =
      canHaveAlpha(sourceType) && (header?.mayHaveAlpha ?? true) && hasTransparency(rendered.context, sized.width, sized.height);
    let plan: NormalizePlan = planNormalization({ ...facts, hasAlpha }, limits);
    let renderedSize = { width: sized.width, height: sized.height };
    for (let attempt = 1; ; attempt += 1) {
      if (plan.width !== renderedSize.width || plan.height !== renderedSize.height) {
        // Re-scale from the decoded source each time: scaling a scaled copy compounds blur.
        rendered = await renderScaled(source, plan.width, plan.height, io);
        renderedSize = { width: plan.width, height: plan.height };
      }
      const encoded = await encode(rendered.canvas, plan);
      if (encoded.size <= maxBytes) {
        return {
          blob: encoded,
          width: plan.width,
          height: plan.height,
          type: plan.type,
          sourceWidth: opened.width,
          sourceHeight: opened.height,
          sourceType,
          notes: [...extraNotes, ...plan.notes],
        };
      }
      const next = attempt < MAX_ATTEMPTS ? planSmaller(plan, encoded.size, maxBytes) : null;
      if (!next) {
        throw new ImageError(
          'too-large',
          `The image is still ${formatBytes(encoded.size)} after reducing it to ${plan.width}×${plan.height}; the limit is ${formatBytes(maxBytes)}.`,
        );
      }
      plan = next;
    }
  } finally {
    source.close();
  }
}

/**
 * Sniff the type and read the header from the whole file. A cut-off file would half-decode into
 * a grey band that the user pays to edit: refuse it by name. (A function of its own so the copy
 * of the bytes is garbage as soon as it returns, not held through decoding and encoding.)
 */
async function inspect(blob: Blob): Promise<{ sourceType: SniffedImageType; header: ImageHeader | null }> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const sourceType = sniffBytes(bytes, blob.type);
  const header = readImageHeader(bytes);
  if (header?.damage) throw damagedFile(sourceType, blob.size, header.damage);
  return { sourceType, header };
}

async function encode(canvas: CanvasLike, plan: NormalizePlan): Promise<Blob> {
  const options = plan.type === 'image/jpeg' ? { type: plan.type, quality: plan.quality } : { type: plan.type };
  const blob = await canvas.convertToBlob(options);
  // Browsers fall back to PNG for a type they cannot encode; never send bytes labelled wrongly.
  if (blob.type && blob.type !== plan.type) {
    throw new ImageError('undecodable', `This browser cannot encode ${plan.type} images.`);
  }
  return blob.type ? blob : new Blob([blob], { type: plan.type });
}
