/**
 * The prompt script's view of the chosen picture: finding it, describing it to the background, and
 * reading its pixels. A thin seam over utils/page (the DOM work), so the host stays about lifecycle.
 */
import type { PageImageTarget, PixelReadResult } from '../page/image-target';
import { findImageBySrc } from './find-image';

/** The element the menu was opened on, found again by its image URL. */
export function findClicked(doc: Document, srcUrl: string): Element | undefined {
  return findImageBySrc(doc, srcUrl);
}

/** What the background needs to know about the picture (interim: the element's own URL and place). */
export function describeTarget(element: Element | undefined, srcUrl: string | undefined): PageImageTarget | undefined {
  if (!element) return undefined;
  const box = element.getBoundingClientRect();
  const viewport = { width: Math.max(1, window.innerWidth), height: Math.max(1, window.innerHeight) };
  const x = Math.max(0, box.left);
  const y = Math.max(0, box.top);
  const rect = { x, y, width: Math.max(0, Math.min(viewport.width, box.right) - x), height: Math.max(0, Math.min(viewport.height, box.bottom) - y) };
  const url = element instanceof HTMLImageElement ? element.currentSrc || element.src || srcUrl : srcUrl;
  return {
    element: 'img',
    candidates: url ? [{ url, reason: 'current' }] : [],
    rect,
    viewport,
    fullyVisible: rect.width === box.width && rect.height === box.height,
  };
}

/** Draws the element on a canvas and answers its pixels (interim: not available). */
export async function readPixels(element: Element | undefined): Promise<PixelReadResult> {
  if (!element) return { error: 'the picture is no longer on the page' };
  return { error: 'reading pixels from the page is not available' };
}
