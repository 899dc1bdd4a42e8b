import { backgroundUrlsOf, imageKindOf, pictureElementOf } from './image-kind';
import type { PageImageTarget, SourceCandidate, TargetElement } from './image-target';
import { isDecodableType } from './image-types';
import { currentPixelSize, imgCandidates, type ImgSourceOptions } from './img-candidates';
import { isPlaceholderUrl } from './placeholder';
import { DEFAULT_MAX_PIXELS } from './rank-candidates';
import { dedupeByUrl, resolveUrl } from './resolve-url';
import { clipToViewport, isFullyVisible } from './visibility';

/** Choices for {@link describeImageElement}; each defaults to the live page. */
export type DescribeOptions = Partial<ImgSourceOptions>;

/** `HTMLMediaElement.HAVE_CURRENT_DATA`: a frame can be shown. */
const HAVE_CURRENT_DATA = 2;

/**
 * What the background needs to get the bytes of the picture shown by `element` (an `<img>` or its
 * `<picture>`, an element with a CSS background, an `<svg>` or a shape in it, a `<canvas>`, a
 * `<video>`): addresses best first, and where it is on screen for the screenshot fallback. An
 * element that shows no picture is described as a background without addresses (only the
 * screenshot can read it).
 */
export function describeImageElement(element: Element, options: DescribeOptions = {}): PageImageTarget {
  const target = pictureElementOf(element);
  const win = target.ownerDocument.defaultView ?? window;
  const kind = imageKindOf(target, win) ?? 'background';
  const viewport = { width: Math.max(1, win.innerWidth), height: Math.max(1, win.innerHeight) };
  const box = target.getBoundingClientRect();
  const rect = { x: box.x, y: box.y, width: box.width, height: box.height };
  const natural = naturalSize(target, kind);
  return {
    element: kind,
    candidates: candidatesOf(target, kind, win, options),
    rect: clipToViewport(rect, viewport),
    viewport,
    ...(natural ? { natural } : {}),
    fullyVisible: isFullyVisible(target, rect, viewport),
  };
}

function candidatesOf(element: Element, kind: TargetElement, win: Window, options: DescribeOptions): SourceCandidate[] {
  const base = element.ownerDocument.baseURI;
  if (kind === 'img') {
    return imgCandidates(element as HTMLImageElement, {
      maxPixels: options.maxPixels ?? DEFAULT_MAX_PIXELS,
      matchesMedia: options.matchesMedia ?? ((query) => win.matchMedia?.(query).matches ?? true),
      isTypeSupported: options.isTypeSupported ?? isDecodableType,
    });
  }
  if (kind === 'background') return addresses(backgroundUrlsOf(element, win), base, 'background');
  if (kind === 'video') {
    const video = element as HTMLVideoElement;
    // Before its first frame a video shows its poster: that picture is what the user pointed at.
    if (video.readyState < HAVE_CURRENT_DATA) return addresses([video.getAttribute('poster') ?? ''], base, 'src');
  }
  return [];
}

function addresses(urls: string[], base: string, reason: 'background' | 'src'): SourceCandidate[] {
  const resolved = urls.filter((url) => !isPlaceholderUrl(url)).flatMap((url) => resolveUrl(url, base) ?? []);
  return dedupeByUrl(resolved.map((url) => ({ url, reason })));
}

/** The pixel size of what the element shows now, when the element knows it. */
function naturalSize(element: Element, kind: TargetElement): { width: number; height: number } | undefined {
  let size: { width?: number; height?: number } = {};
  if (kind === 'img') {
    const img = element as HTMLImageElement;
    // A lazy-load stand-in (a 1×1 GIF) is not the picture: its size would only mislead.
    if (isPlaceholderUrl(img.currentSrc) || img.naturalWidth * img.naturalHeight <= 4) return undefined;
    size = currentPixelSize(img);
  }
  else if (kind === 'canvas') size = { width: (element as HTMLCanvasElement).width, height: (element as HTMLCanvasElement).height };
  else if (kind === 'video') size = { width: (element as HTMLVideoElement).videoWidth, height: (element as HTMLVideoElement).videoHeight };
  const width = Math.round(size.width ?? 0);
  const height = Math.round(size.height ?? 0);
  return width > 0 && height > 0 ? { width, height } : undefined;
}
