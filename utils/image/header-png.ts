/**
 * PNG: hop from chunk to chunk by their lengths (no pixel data is read) from IHDR to IEND.
 * IHDR gives size, bit depth and colour type; tRNS means transparency; acTL marks an APNG;
 * eXIf may carry an orientation, which Chrome applies and other browsers may not.
 */
import { EndOfData, latin1, u32be, u8 } from './byte-reader';
import { readExifOrientation, swapsAxes } from './exif-orientation';
import { CUT_IN_HEADER, emptyHeader, type ColorModel, type ImageHeader } from './header-types';

const COLOR_MODELS: Record<number, ColorModel> = { 0: 'gray', 2: 'rgb', 3: 'palette', 4: 'gray-alpha', 6: 'rgba' };

/** Read a PNG header; see the module comment. */
export function readPngHeader(bytes: Uint8Array): ImageHeader {
  const header = emptyHeader('image/png');
  try {
    if (latin1(bytes, 12, 4) !== 'IHDR') return { ...header, damage: 'its header chunk (IHDR) is missing' };
    const rawWidth = u32be(bytes, 16);
    const rawHeight = u32be(bytes, 20);
    header.width = rawWidth;
    header.height = rawHeight;
    header.bitDepth = u8(bytes, 24);
    const colorType = u8(bytes, 25);
    header.colorModel = COLOR_MODELS[colorType];
    let transparent = colorType === 4 || colorType === 6;
    for (let at = 8; ; ) {
      const length = u32be(bytes, at);
      const type = latin1(bytes, at + 4, 4);
      const end = at + 12 + length;
      if (end > bytes.length) {
        return { ...header, mayHaveAlpha: transparent, damage: 'it is cut off before its end chunk (IEND)' };
      }
      if (type === 'tRNS') transparent = true;
      else if (type === 'acTL') header.animated = u32be(bytes, at + 8) > 1;
      else if (type === 'eXIf') applyOrientation(header, bytes.subarray(at + 8, at + 8 + length), rawWidth, rawHeight);
      else if (type === 'IEND') return { ...header, mayHaveAlpha: transparent };
      at = end;
    }
  } catch (error) {
    if (!(error instanceof EndOfData)) throw error;
    const cutAt = header.width > 0 ? 'it is cut off before its end chunk (IEND)' : CUT_IN_HEADER;
    return { ...header, damage: cutAt };
  }
}

function applyOrientation(header: ImageHeader, exif: Uint8Array, rawWidth: number, rawHeight: number): void {
  header.orientation = readExifOrientation(exif) ?? 1;
  // Chrome turns PNGs by eXIf, the PNG spec leaves it to the viewer: only a decode tells.
  if (swapsAxes(header.orientation)) {
    header.orientationUncertain = true;
    header.width = rawWidth;
    header.height = rawHeight;
  }
}
