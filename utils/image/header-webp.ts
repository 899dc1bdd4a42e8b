/**
 * WebP: a RIFF file whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended: flags
 * for alpha and animation, canvas size, then ANIM/ANMF, ALPH, EXIF… chunks). A file shorter
 * than its RIFF size was cut off. Chrome ignores EXIF orientation in WebP, so a quarter turn
 * there is marked uncertain.
 */
import { EndOfData, latin1, u16le, u24le, u32le, u8 } from './byte-reader';
import { readExifOrientation, swapsAxes } from './exif-orientation';
import { CUT_IN_HEADER, emptyHeader, type ImageHeader } from './header-types';

const VP8X_ALPHA = 0x10;
const VP8X_ANIMATION = 0x02;

/** Read a WebP header; see the module comment. */
export function readWebpHeader(bytes: Uint8Array): ImageHeader {
  const header: ImageHeader = { ...emptyHeader('image/webp'), bitDepth: 8 };
  try {
    const declaredEnd = 8 + u32le(bytes, 4);
    const first = latin1(bytes, 12, 4);
    const data = 20;
    if (first === 'VP8 ') {
      // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
      Object.assign(header, { width: u16le(bytes, data + 6) & 0x3fff, height: u16le(bytes, data + 8) & 0x3fff });
      Object.assign(header, { mayHaveAlpha: false, colorModel: 'ycbcr' });
    } else if (first === 'VP8L') {
      // Signature 0x2F, then width-1 and height-1 in 14 bits each, then the alpha_is_used bit.
      const bits = u32le(bytes, data + 1);
      header.width = (bits & 0x3fff) + 1;
      header.height = ((bits >>> 14) & 0x3fff) + 1;
      Object.assign(header, { mayHaveAlpha: ((bits >>> 28) & 1) === 1, colorModel: 'rgba' });
    } else if (first === 'VP8X') {
      const flags = u8(bytes, data);
      header.width = u24le(bytes, data + 4) + 1;
      header.height = u24le(bytes, data + 7) + 1;
      header.mayHaveAlpha = (flags & VP8X_ALPHA) !== 0;
      header.animated = (flags & VP8X_ANIMATION) !== 0 && countFrames(bytes, declaredEnd) !== 1;
      readOrientation(header, bytes, declaredEnd);
    } else {
      return { ...header, damage: 'its first chunk is not image data' };
    }
    if (bytes.length < declaredEnd) return { ...header, damage: 'it is shorter than its header says' };
    return header;
  } catch (error) {
    if (!(error instanceof EndOfData)) throw error;
    return { ...header, damage: CUT_IN_HEADER };
  }
}

/** Visit each chunk after the first: (fourCC, data offset, data length). Stops at the end of the data present. */
function forEachChunk(bytes: Uint8Array, end: number, visit: (type: string, at: number, length: number) => void): void {
  const last = Math.min(end, bytes.length);
  for (let at = 12; at + 8 <= last; ) {
    const length = u32le(bytes, at + 4);
    visit(latin1(bytes, at, 4), at + 8, length);
    at += 8 + length + (length & 1); // chunks are padded to an even size
  }
}

/** ANMF chunks present (0 when the file is cut off before them). */
function countFrames(bytes: Uint8Array, end: number): number {
  let frames = 0;
  forEachChunk(bytes, end, (type) => {
    if (type === 'ANMF') frames += 1;
  });
  return frames;
}

function readOrientation(header: ImageHeader, bytes: Uint8Array, end: number): void {
  forEachChunk(bytes, end, (type, at, length) => {
    if (type !== 'EXIF') return;
    header.orientation = readExifOrientation(bytes.subarray(at, at + length)) ?? 1;
    header.orientationUncertain = swapsAxes(header.orientation);
  });
}
