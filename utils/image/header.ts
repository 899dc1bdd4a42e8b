/**
 * Read an image's pixel size, orientation, animation, transparency and completeness from its
 * bytes, without decoding: normalize uses it to decode huge images straight at the size it
 * needs, to say when only a first frame is used, and to call a cut-off file damaged before a
 * browser half-decodes it. Pure, so every rule is a row in header.test.ts.
 */
import { readBmpHeader } from './header-bmp';
import { readGifHeader } from './header-gif';
import { readIsoBmffHeader } from './header-isobmff';
import { readJpegHeader } from './header-jpeg';
import { readPngHeader } from './header-png';
import type { ImageHeader } from './header-types';
import { readWebpHeader } from './header-webp';
import { sniffImageType } from './sniff';

export type { ColorModel, ImageHeader } from './header-types';

/** The header of a whole image file; null for types it does not parse (SVG, ICO, TIFF) or non-images. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const type = sniffImageType(bytes);
  switch (type) {
    case 'image/jpeg':
      return readJpegHeader(bytes);
    case 'image/png':
      return readPngHeader(bytes);
    case 'image/gif':
      return readGifHeader(bytes);
    case 'image/webp':
      return readWebpHeader(bytes);
    case 'image/bmp':
      return readBmpHeader(bytes);
    case 'image/avif':
    case 'image/heic':
      return readIsoBmffHeader(bytes, type);
    default:
      return null;
  }
}

/** True when the header knows the displayed size well enough to decode straight at a smaller one. */
export function knowsDisplaySize(header: ImageHeader | null): header is ImageHeader {
  return header !== null && header.width > 0 && header.height > 0 && !header.orientationUncertain && !header.damage;
}
