/**
 * The prompt script's view of the chosen picture: finding it, describing it to the background, and
 * reading its pixels. A thin seam over utils/page (the DOM work), so the host stays about lifecycle.
 */
import { describeImageElement } from '../page/describe-image';
import { findClickedImage } from '../page/find-clicked-image';
import type { PageImageTarget, PixelReadResult } from '../page/image-target';
import { readElementPixels } from '../page/read-pixels';

/** The element the menu was opened on, found again by its image URL. */
export function findClicked(doc: Document, srcUrl: string): Element | undefined {
  return findClickedImage(doc, srcUrl);
}

/**
 * What the background needs to know about the picture: its sources best first, and where it is on
 * screen. The menu's own URL stays in the list as a last resort (the page may have swapped sources).
 */
export function describeTarget(element: Element | undefined, srcUrl: string | undefined): PageImageTarget | undefined {
  if (!element) return undefined;
  const target = describeImageElement(element);
  if (srcUrl && !target.candidates.some((candidate) => candidate.url === srcUrl) && target.candidates.length < 20) {
    return { ...target, candidates: [...target.candidates, { url: srcUrl, reason: 'current' }] };
  }
  return target;
}

/** Draws the element on a canvas in the page and answers its pixels (or why it cannot). */
export async function readPixels(element: Element | undefined): Promise<PixelReadResult> {
  if (!element?.isConnected) return { error: 'the picture is no longer on the page' };
  return readElementPixels(element);
}
