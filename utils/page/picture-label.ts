import { imageKindOf } from './image-kind';
import { currentPixelSize } from './img-candidates';

const MAX_NAME = 40;

/**
 * A short name for a picture on the page, for the picker's list and highlight: what it is (its
 * alt text or file name, "canvas", "video frame", "background of div") and its size, e.g.
 * "photo 800 × 600". Sizes are the picture's own pixels where the element knows them, else its
 * displayed size.
 */
export function pictureLabel(element: Element): string {
  const win = element.ownerDocument.defaultView ?? window;
  const kind = imageKindOf(element, win);
  const shown = element.getBoundingClientRect();
  let name: string;
  let size = { width: shown.width, height: shown.height };
  if (kind === 'img') {
    const img = element as HTMLImageElement;
    name = shorten(img.alt) || fileName(img.currentSrc || img.src) || 'image';
    const own = currentPixelSize(img);
    if (own.width && own.height) size = { width: own.width, height: own.height };
  } else if (kind === 'svg') {
    name = shorten(element.getAttribute('aria-label') ?? element.querySelector(':scope > title')?.textContent ?? '') || 'drawing (SVG)';
  } else if (kind === 'canvas') {
    name = 'canvas';
    const canvas = element as HTMLCanvasElement;
    size = { width: canvas.width, height: canvas.height };
  } else if (kind === 'video') {
    name = 'video frame';
    const video = element as HTMLVideoElement;
    if (video.videoWidth > 0) size = { width: video.videoWidth, height: video.videoHeight };
  } else {
    name = `background of ${element.localName}`;
  }
  return `${name} ${Math.round(size.width)} × ${Math.round(size.height)}`;
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_NAME ? `${clean.slice(0, MAX_NAME - 1)}…` : clean;
}

/** The last path segment of an http(s) URL, decoded ("" for data:, blob: and unreadable ones). */
function fileName(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.protocol.startsWith('http')) return '';
    return shorten(decodeURIComponent(parsed.pathname.split('/').pop() ?? ''));
  } catch {
    return '';
  }
}
