import { backgroundImageUrls } from './css-url';
import type { TargetElement } from './image-target';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Tag-name prefix of the extension's own shadow-root hosts (the prompt box, the picker). */
export const OWN_UI_PREFIX = 'kontext-';

/** Whether the element hosts the extension's own UI, which is never a picture of the page. */
export function isOwnUi(element: Element): boolean {
  return element.localName.startsWith(OWN_UI_PREFIX);
}

/**
 * The element that is the picture: the `<img>` of a `<picture>`, the outermost `<svg>` for a shape
 * inside one (hit tests and clicks land on the shapes). Tag checks rather than `instanceof`: the
 * content script's globals are not the page's.
 */
export function pictureElementOf(element: Element): Element {
  if (element.localName === 'picture') return element.querySelector(':scope > img') ?? element;
  if (element.namespaceURI !== SVG_NS) return element;
  let outermost: Element | undefined = element.localName === 'svg' ? element : undefined;
  for (let node = element.parentElement; node?.namespaceURI === SVG_NS; node = node.parentElement) {
    if (node.localName === 'svg') outermost = node;
  }
  return outermost ?? element;
}

/**
 * The URLs of the background image shown by the element, or else by its `::before`/`::after`
 * (sites often draw the picture on a pseudo-element so a gradient can sit on top).
 */
export function backgroundUrlsOf(element: Element, win: Window): string[] {
  for (const pseudo of [null, '::before', '::after']) {
    const style = win.getComputedStyle(element, pseudo);
    // A pseudo-element without `content` is not generated, so its background is never drawn.
    if (pseudo && (style.content === 'none' || style.content === 'normal')) continue;
    const urls = backgroundImageUrls(style.backgroundImage ?? '');
    if (urls.length > 0) return urls;
  }
  return [];
}

/** What kind of picture the element is, or undefined when it shows none. */
export function imageKindOf(element: Element, win: Window): TargetElement | undefined {
  const name = element.localName;
  if (name === 'img' || name === 'canvas' || name === 'video') return name;
  if (name === 'svg' && element.namespaceURI === SVG_NS) return 'svg';
  return backgroundUrlsOf(element, win).length > 0 ? 'background' : undefined;
}
