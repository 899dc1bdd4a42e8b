import { isOwnUi } from './image-kind';
import type { ViewportRect } from './image-target';
import { paintsOver } from './paint';

interface Box { x: number; y: number; width: number; height: number }
type HitTestRoot = Pick<Document, 'elementsFromPoint'>;

/** The part of `rect` inside a viewport of that size (zero-sized when none of it is). */
export function clipToViewport(rect: Box, viewport: { width: number; height: number }): ViewportRect {
  const left = Math.max(0, rect.x);
  const top = Math.max(0, rect.y);
  const right = Math.min(viewport.width, rect.x + rect.width);
  const bottom = Math.min(viewport.height, rect.y + rect.height);
  return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** Nine points spread over the rectangle (a 3×3 grid at 10 %, 50 %, 90 %), none when it is empty. */
export function samplePoints(rect: ViewportRect): { x: number; y: number }[] {
  if (rect.width < 1 || rect.height < 1) return [];
  const stops = [0.1, 0.5, 0.9];
  return stops.flatMap((fy) => stops.map((fx) => ({ x: rect.x + rect.width * fx, y: rect.y + rect.height * fy })));
}

/**
 * Whether something the page paints (a cookie banner, a sticky header, a badge) lies over the
 * element at one of the sample points. Transparent layers (click-catchers, links) do not count, nor
 * do the extension's own UI hosts. A point where the element is not hit at all (it has
 * `pointer-events: none`) tells nothing and is skipped.
 */
export function isCovered(element: Element, rect: ViewportRect): boolean {
  const win = element.ownerDocument.defaultView;
  const root = hitTestRoot(element);
  if (!win || !root) return false;
  return samplePoints(rect).some((point) => {
    let paintedAbove = false;
    for (const hit of root.elementsFromPoint(point.x, point.y)) {
      if (hit === element || element.contains(hit)) return paintedAbove;
      if (isOwnUi(hit) || hit.contains(element)) continue;
      paintedAbove ||= paintsOver(hit, win);
    }
    return false;
  });
}

/** Whether the whole element can be seen: inside the viewport and not covered. */
export function isFullyVisible(element: Element, rect: Box, viewport: { width: number; height: number }): boolean {
  const clipped = clipToViewport(rect, viewport);
  const whole = clipped.width > 0 && clipped.height > 0 && Math.abs(clipped.width - rect.width) < 0.5 && Math.abs(clipped.height - rect.height) < 0.5;
  return whole && !isCovered(element, clipped);
}

/** The document or shadow root whose hit test sees the element itself rather than its shadow host. */
function hitTestRoot(element: Element): HitTestRoot | undefined {
  const root = element.getRootNode() as Partial<HitTestRoot>;
  if (typeof root.elementsFromPoint === 'function') return root as HitTestRoot;
  const doc = element.ownerDocument as Partial<HitTestRoot>;
  return typeof doc.elementsFromPoint === 'function' ? (doc as HitTestRoot) : undefined;
}
