import { backgroundUrlsOf, imageKindOf, pictureElementOf } from './image-kind';
import type { PixelReadResult } from './image-target';
import { currentPixelSize } from './img-candidates';
import { DEFAULT_MAX_PIXELS } from './rank-candidates';
import { resolveUrl } from './resolve-url';
import { snapshotSvg } from './svg-snapshot';

/** How pixels are read; the defaults use the element's own document. */
export interface PixelReadOptions {
  /** Larger pictures are drawn scaled down to this many pixels (the model gets ~2 MP anyway). */
  maxPixels?: number;
  createCanvas?: (width: number, height: number) => HTMLCanvasElement;
  /** Loads and decodes an image (for an `<svg>` snapshot or a CSS background). */
  loadImage?: (url: string) => Promise<HTMLImageElement>;
}

/** `HTMLMediaElement.HAVE_CURRENT_DATA`: a frame can be drawn. */
const HAVE_CURRENT_DATA = 2;
/** Inline SVGs are vectors: drawn at least this large on their long side (at most 4× their size). */
const SVG_MIN_LONG_SIDE = 1024;

/**
 * The picture the element shows now, drawn onto a canvas in the page and returned as a PNG data URI:
 * an `<img>` at its file's size, a `<canvas>`, the current `<video>` frame, an inline `<svg>`, a CSS
 * background. Never throws: a cross-origin picture the page may not read (a tainted canvas) gives
 * `{ error, tainted: true }`.
 */
export async function readElementPixels(element: Element, options: PixelReadOptions = {}): Promise<PixelReadResult> {
  const target = pictureElementOf(element);
  const doc = target.ownerDocument;
  const win = doc.defaultView ?? window;
  const read: Reader = {
    maxPixels: options.maxPixels ?? DEFAULT_MAX_PIXELS,
    createCanvas: options.createCanvas ?? ((width, height) => Object.assign(doc.createElement('canvas'), { width, height })),
    loadImage: options.loadImage ?? ((url) => loadImage(doc, url)),
  };
  try {
    switch (imageKindOf(target, win)) {
      case 'img': return readImg(target as HTMLImageElement, read);
      case 'canvas': return readCanvas(target as HTMLCanvasElement, read);
      case 'video': return readVideo(target as HTMLVideoElement, read);
      case 'svg': return await readSvg(target, win, read);
      case 'background': return await readBackground(target, win, read);
      default: return { error: 'This element shows no picture that can be read.' };
    }
  } catch (error) {
    return failure(error);
  }
}

interface Reader { maxPixels: number; createCanvas: NonNullable<PixelReadOptions['createCanvas']>; loadImage: NonNullable<PixelReadOptions['loadImage']> }

function readImg(img: HTMLImageElement, read: Reader): PixelReadResult {
  if (!img.complete || img.naturalWidth === 0) return { error: 'The image has not finished loading.' };
  const { width = img.naturalWidth, height = img.naturalHeight } = currentPixelSize(img);
  return draw(img, fitPixels(width, height, read.maxPixels), read);
}

function readCanvas(canvas: HTMLCanvasElement, read: Reader): PixelReadResult {
  if (canvas.width === 0 || canvas.height === 0) return { error: 'The canvas is empty.' };
  if (canvas.width * canvas.height <= read.maxPixels) return exportCanvas(canvas);
  return draw(canvas, fitPixels(canvas.width, canvas.height, read.maxPixels), read);
}

function readVideo(video: HTMLVideoElement, read: Reader): PixelReadResult {
  if (video.readyState < HAVE_CURRENT_DATA || video.videoWidth === 0) return { error: 'The video has no frame to show yet.' };
  return draw(video, fitPixels(video.videoWidth, video.videoHeight, read.maxPixels), read);
}

async function readSvg(svg: Element, win: Window, read: Reader): Promise<PixelReadResult> {
  const snapshot = snapshotSvg(svg);
  const image = await loadSvg(snapshot.markup, read);
  const long = Math.max(snapshot.width, snapshot.height);
  const scale = Math.max(win.devicePixelRatio || 1, Math.min(4, SVG_MIN_LONG_SIDE / long));
  return draw(image, fitPixels(snapshot.width * scale, snapshot.height * scale, read.maxPixels), read);
}

async function readBackground(element: Element, win: Window, read: Reader): Promise<PixelReadResult> {
  const url = resolveUrl(backgroundUrlsOf(element, win)[0], element.ownerDocument.baseURI);
  if (!url) return { error: 'The background has no address to read.' };
  const image = await read.loadImage(url);
  return draw(image, fitPixels(image.naturalWidth, image.naturalHeight, read.maxPixels), read);
}

/**
 * A data: URI first: it has no origin to taint the canvas with (Firefox gives blob: URLs made by a
 * content script the extension's origin) and nothing to revoke. A blob: URL when the page's CSP
 * refuses data: images.
 */
async function loadSvg(markup: string, read: Reader): Promise<HTMLImageElement> {
  try {
    return await read.loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);
  } catch {
    const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
    try {
      return await read.loadImage(url);
    } finally {
      URL.revokeObjectURL(url);
    }
  }
}

/** Width and height scaled down (never up) to at most `maxPixels`, whole pixels, at least 1. */
export function fitPixels(width: number, height: number, maxPixels: number): { width: number; height: number } {
  const scale = Math.min(1, Math.sqrt(maxPixels / (width * height)));
  let fitted = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
  // A sliver (10000×1) cannot keep its shape once its short side is one pixel: trim the long side.
  if (fitted.width * fitted.height > maxPixels) {
    fitted = fitted.width >= fitted.height
      ? { width: Math.max(1, Math.floor(maxPixels / fitted.height)), height: fitted.height }
      : { width: fitted.width, height: Math.max(1, Math.floor(maxPixels / fitted.width)) };
  }
  return fitted;
}

function draw(source: CanvasImageSource, size: { width: number; height: number }, read: Reader): PixelReadResult {
  const canvas = read.createCanvas(size.width, size.height);
  const context = canvas.getContext('2d');
  if (!context) return { error: 'The page cannot draw on a canvas.' };
  context.drawImage(source, 0, 0, size.width, size.height);
  return exportCanvas(canvas);
}

function exportCanvas(canvas: HTMLCanvasElement): PixelReadResult {
  try {
    const dataUri = canvas.toDataURL('image/png');
    // "data:," is what browsers return for a canvas too large to encode.
    if (!dataUri.startsWith('data:image/png')) return { error: 'The picture is too large to read in the page.' };
    return { dataUri, width: canvas.width, height: canvas.height };
  } catch (error) {
    return failure(error);
  }
}

/** Duck-typed: an exception raised by the page's canvas may come from another realm than ours. */
function failure(error: unknown): PixelReadResult {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  if (name === 'SecurityError') {
    return { error: 'The page may not read this picture: it comes from another site that does not allow it.', tainted: true };
  }
  return { error: typeof message === 'string' && message ? message : String(error) };
}

/** Loads an image outside the document and waits until it is decoded. */
function loadImage(doc: Document, url: string): Promise<HTMLImageElement> {
  const image = doc.createElement('img');
  return new Promise((resolve, reject) => {
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The picture could not be loaded in the page.'));
    image.src = url;
  });
}
