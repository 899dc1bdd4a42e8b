/**
 * The ImageTools implemented with a DOM: used by the offscreen document (Chrome) and directly by
 * Firefox's event page. Kept free of extension APIs so both can import it.
 */
import type { ImageTools, ScaledDecodeRequest, SvgRasterRequest } from './image-tools';

/** Tolerated difference between the decoded aspect ratio and the requested one (rounding of small sides). */
const ASPECT_TOLERANCE = 0.02;

/**
 * Give the SVG an explicit pixel width and height (Firefox will not draw an SVG without them,
 * and a fixed size makes the vector art render sharp at that size) and, when it has no viewBox,
 * one matching its intrinsic size so the content scales with it instead of being cropped.
 */
export function sizeSvgDocument(svg: Document, request: SvgRasterRequest): void {
  const root = svg.documentElement;
  if (!root.hasAttribute('viewBox')) root.setAttribute('viewBox', `0 0 ${request.intrinsicWidth} ${request.intrinsicHeight}`);
  root.setAttribute('width', String(request.width));
  root.setAttribute('height', String(request.height));
}

/** Draw an SVG on a canvas through an <img> of a blob: URL (scripts and external resources never run or load there). */
export async function rasterizeSvgInDom(svg: Blob, request: SvgRasterRequest, win: Window & typeof globalThis = window): Promise<ImageBitmap> {
  const parsed = new win.DOMParser().parseFromString(await svg.text(), 'image/svg+xml');
  if (parsed.getElementsByTagName('parsererror').length > 0 || parsed.documentElement.localName !== 'svg') {
    throw new Error('the SVG is not well-formed XML');
  }
  sizeSvgDocument(parsed, request);
  const url = win.URL.createObjectURL(new Blob([new win.XMLSerializer().serializeToString(parsed)], { type: 'image/svg+xml' }));
  try {
    const image = new win.Image(request.width, request.height);
    image.src = url;
    await image.decode();
    const canvas = win.document.createElement('canvas');
    canvas.width = request.width;
    canvas.height = request.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    // No background fill: transparent parts stay transparent, and normalize keeps them as PNG.
    context.drawImage(image, 0, 0, request.width, request.height);
    return await win.createImageBitmap(canvas);
  } finally {
    win.URL.revokeObjectURL(url);
  }
}

/**
 * Decode with WebCodecs' ImageDecoder at a reduced size (JPEG decoders scale by n/8 while
 * decoding, so the full-size pixels never exist), then resize to the exact target.
 */
export async function decodeScaledInDom(image: Blob, request: ScaledDecodeRequest, win: typeof globalThis = globalThis): Promise<ImageBitmap> {
  if (typeof win.ImageDecoder !== 'function') throw new Error('ImageDecoder is not available');
  const decoder = new win.ImageDecoder({
    data: image.stream(),
    type: request.type,
    desiredWidth: request.desiredWidth,
    desiredHeight: request.desiredHeight,
  });
  try {
    const { image: frame } = await decoder.decode({ frameIndex: 0 });
    try {
      // displayWidth/Height include the EXIF rotation; a different aspect means we planned for another orientation.
      const aspect = frame.displayWidth / frame.displayHeight;
      if (Math.abs(aspect / (request.width / request.height) - 1) > ASPECT_TOLERANCE) {
        throw new Error(`decoded ${frame.displayWidth}×${frame.displayHeight}, expected the shape of ${request.width}×${request.height}`);
      }
      return await win.createImageBitmap(frame, { resizeWidth: request.width, resizeHeight: request.height, resizeQuality: 'high' });
    } finally {
      frame.close();
    }
  } finally {
    decoder.close();
  }
}

/** Both tools, bound to a window. */
export function createDomImageTools(win: Window & typeof globalThis = window): ImageTools {
  return {
    rasterizeSvg: (svg, request) => rasterizeSvgInDom(svg, request, win),
    decodeScaled: (image, request) => decodeScaledInDom(image, request, win),
  };
}
