/** The EXIF Orientation tag, read from the TIFF structure that JPEG APP1, PNG eXIf and WebP EXIF all carry. */
import { EndOfData, latin1, u8 } from './byte-reader';

/** EXIF orientations 1–8; 5–8 turn the image a quarter, so width and height swap on display. */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const ORIENTATION_TAG = 0x0112;
const TYPE_SHORT = 3;

/** True when the orientation turns the picture by 90° (displayed width is the stored height). */
export function swapsAxes(orientation: ExifOrientation): boolean {
  return orientation >= 5;
}

/**
 * The Orientation of IFD0 in a TIFF block ("II*\0"/"MM\0*"…), tolerating an "Exif\0\0" prefix
 * (JPEG always has it; some WebP writers keep it). Undefined when absent, invalid or cut off:
 * a broken EXIF block must never stop an otherwise good image.
 */
export function readExifOrientation(block: Uint8Array): ExifOrientation | undefined {
  try {
    const tiff = latin1(block, 0, 6) === 'Exif\0\0' ? block.subarray(6) : block;
    const order = latin1(tiff, 0, 2);
    if (order !== 'II' && order !== 'MM') return undefined;
    const little = order === 'II';
    const u16 = (at: number) => (little ? u8(tiff, at) | (u8(tiff, at + 1) << 8) : (u8(tiff, at) << 8) | u8(tiff, at + 1));
    const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 0x10000 : u16(at) * 0x10000 + u16(at + 2));
    if (u16(2) !== 42) return undefined;
    const ifd = u32(4);
    const count = u16(ifd);
    for (let i = 0; i < count; i += 1) {
      const entry = ifd + 2 + i * 12;
      if (u16(entry) !== ORIENTATION_TAG) continue;
      if (u16(entry + 2) !== TYPE_SHORT) return undefined;
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? (value as ExifOrientation) : undefined;
    }
    return undefined;
  } catch (error) {
    if (error instanceof EndOfData) return undefined;
    throw error;
  }
}
