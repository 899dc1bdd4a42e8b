import { vi } from 'vitest';

/**
 * happy-dom lays nothing out and loads no images: these give elements the geometry and decoded
 * sizes a real page would, per instance, so each test states the page it describes.
 */

/** Makes `getBoundingClientRect` return this rectangle. */
export function stubRect(element: Element, x: number, y: number, width: number, height: number): void {
  const rect = { x, y, width, height, left: x, top: y, right: x + width, bottom: y + height };
  element.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect }) as DOMRect;
}

/** Makes an `<img>` look decoded at that natural size, showing `currentSrc`. */
export function stubLoaded(img: HTMLImageElement, width: number, height: number, currentSrc?: string): void {
  Object.defineProperty(img, 'naturalWidth', { configurable: true, value: width });
  Object.defineProperty(img, 'naturalHeight', { configurable: true, value: height });
  Object.defineProperty(img, 'complete', { configurable: true, value: true });
  if (currentSrc !== undefined) Object.defineProperty(img, 'currentSrc', { configurable: true, value: currentSrc });
}

/** Makes `document.elementsFromPoint` answer from a function (happy-dom has no hit testing). */
export function stubElementsFromPoint(doc: Document, at: (x: number, y: number) => Element[]): void {
  (doc as Document & { elementsFromPoint: (x: number, y: number) => Element[] }).elementsFromPoint = at;
}

/**
 * Makes `getComputedStyle(element, '::before' | '::after')` report a background image on that
 * pseudo-element (happy-dom answers with the element's own style). Restored by `restoreMocks`.
 */
export function stubPseudoBackground(win: Window, element: Element, pseudo: '::before' | '::after', backgroundImage: string): void {
  const original = win.getComputedStyle.bind(win);
  vi.spyOn(win, 'getComputedStyle').mockImplementation((target: Element, pseudoElt?: string | null) => {
    if (!pseudoElt) return original(target);
    const value = target === element && pseudoElt === pseudo ? backgroundImage : 'none';
    return { backgroundImage: value, getPropertyValue: (name: string) => (name === 'background-image' ? value : '') } as unknown as CSSStyleDeclaration;
  });
}
