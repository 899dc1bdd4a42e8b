/**
 * The last step of the fallback chain: a screenshot of the visible tab, cropped to the picture's
 * rectangle. It always works for what is on screen (no CORS, no cookies, no referrer checks), at the
 * price of screen resolution and only the visible part, which the prompt box says.
 */
import { ImageError } from './errors';
import { resolveImageDeps, type ImageDeps } from './image-io';
import type { PageImageTarget } from '../page/image-target';

/** A rectangle in screenshot pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where the target's viewport rectangle lands on a screenshot of `shot` pixels: the screenshot is the
 * viewport at device pixels, so each axis scales by its own ratio (zoom and devicePixelRatio included).
 * Undefined when nothing of the rectangle is on the screenshot.
 */
export function screenshotCrop(target: Pick<PageImageTarget, 'rect' | 'viewport'>, shot: { width: number; height: number }): PixelRect | undefined {
  const scaleX = shot.width / target.viewport.width;
  const scaleY = shot.height / target.viewport.height;
  const left = Math.max(0, Math.round(target.rect.x * scaleX));
  const top = Math.max(0, Math.round(target.rect.y * scaleY));
  const right = Math.min(shot.width, Math.round((target.rect.x + target.rect.width) * scaleX));
  const bottom = Math.min(shot.height, Math.round((target.rect.y + target.rect.height) * scaleY));
  if (right - left < 1 || bottom - top < 1) return undefined;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Crops a screenshot (PNG bytes) to the target's rectangle and returns it as a PNG. */
export async function cropScreenshot(shot: Blob, target: Pick<PageImageTarget, 'rect' | 'viewport'>, deps?: ImageDeps): Promise<Blob> {
  const io = resolveImageDeps(deps);
  const bitmap = await io.createImageBitmap(shot);
  try {
    const crop = screenshotCrop(target, bitmap);
    if (!crop) throw new ImageError('unreachable', 'The picture is not on screen, so no screenshot of it could be taken. Scroll it into view and try again.');
    const canvas = io.createCanvas(crop.width, crop.height);
    const context = canvas.getContext('2d');
    if (!context) throw new ImageError('undecodable', 'The browser could not create a canvas to crop the screenshot.');
    context.drawImage(bitmap, -crop.x, -crop.y, bitmap.width, bitmap.height);
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    bitmap.close();
  }
}
