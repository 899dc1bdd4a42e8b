/** Turn any decodable image into the JPEG or PNG the model gets: oriented, scaled, stripped, under the byte cap. */
import { formatBytes, ImageError } from './errors';
import {
  canHaveAlpha,
  decodeImage,
  hasTransparency,
  renderScaled,
  resolveImageDeps,
  sniffBlob,
  type CanvasLike,
  type ImageDeps,
} from './image-io';
import { DEFAULT_MAX_BYTES, planNormalization, planSmaller, type NormalizeLimits, type NormalizePlan } from './plan';

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
  const sourceType = await sniffBlob(blob);
  const source = await decodeImage(blob, sourceType, io);
  try {
    const facts = { width: source.width, height: source.height, type: sourceType, bytes: blob.size };
    // Size does not depend on alpha, so draw once at the planned size and read alpha from that.
    const sized = planNormalization({ ...facts, hasAlpha: false }, limits);
    let rendered = await renderScaled(source, sized.width, sized.height, io);
    const hasAlpha = canHaveAlpha(sourceType) && hasTransparency(rendered.context, sized.width, sized.height);
    let plan: NormalizePlan = planNormalization({ ...facts, hasAlpha }, limits);
    let renderedSize = { width: sized.width, height: sized.height };
    for (let attempt = 1; ; attempt += 1) {
      if (plan.width !== renderedSize.width || plan.height !== renderedSize.height) {
        // Re-scale from the full-size source each time: scaling a scaled copy compounds blur.
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
          sourceWidth: source.width,
          sourceHeight: source.height,
          sourceType,
          notes: plan.notes,
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

async function encode(canvas: CanvasLike, plan: NormalizePlan): Promise<Blob> {
  const options = plan.type === 'image/jpeg' ? { type: plan.type, quality: plan.quality } : { type: plan.type };
  const blob = await canvas.convertToBlob(options);
  // Browsers fall back to PNG for a type they cannot encode; never send bytes labelled wrongly.
  if (blob.type && blob.type !== plan.type) {
    throw new ImageError('undecodable', `This browser cannot encode ${plan.type} images.`);
  }
  return blob.type ? blob : new Blob([blob], { type: plan.type });
}
