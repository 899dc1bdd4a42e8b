/**
 * BMP: size and bit depth from the DIB header (12-byte OS/2 core or 40+ byte Windows header).
 * For uncompressed rows the file must hold pixel offset + row stride × height bytes.
 */
import { EndOfData, i32le, u16le, u32le } from './byte-reader';
import { CUT_IN_HEADER, emptyHeader, type ImageHeader } from './header-types';

const BI_RGB = 0;
const BI_BITFIELDS = 3;

/** Read a BMP header; see the module comment. */
export function readBmpHeader(bytes: Uint8Array): ImageHeader {
  const header = emptyHeader('image/bmp');
  try {
    const pixelOffset = u32le(bytes, 10);
    const core = u32le(bytes, 14) === 12;
    const width = core ? u16le(bytes, 18) : Math.abs(i32le(bytes, 18));
    // A negative height stores rows top-down.
    const height = core ? u16le(bytes, 20) : Math.abs(i32le(bytes, 22));
    const bitsPerPixel = u16le(bytes, core ? 24 : 28);
    const compression = core ? BI_RGB : u32le(bytes, 30);
    Object.assign(header, { width, height, bitDepth: 8, colorModel: bitsPerPixel <= 8 ? 'palette' : 'rgb' });
    // Only 32-bit pixels have room for alpha (and browsers honour it only when some pixel uses it).
    header.mayHaveAlpha = bitsPerPixel === 32;
    if (compression === BI_RGB || compression === BI_BITFIELDS) {
      const stride = Math.floor((bitsPerPixel * width + 31) / 32) * 4;
      if (pixelOffset + stride * height > bytes.length) return { ...header, damage: 'it is cut off before its last row of pixels' };
    }
    return header;
  } catch (error) {
    if (!(error instanceof EndOfData)) throw error;
    return { ...header, damage: CUT_IN_HEADER };
  }
}
