/**
 * GIF: walk the blocks after the logical screen descriptor, counting image descriptors until a
 * second one (animated) or the trailer. Only the first frame is ever used, so a file cut off
 * after it is still usable; one cut off inside it is damaged.
 */
import { EndOfData, u16le, u8 } from './byte-reader';
import { CUT_IN_HEADER, emptyHeader, type ImageHeader } from './header-types';

const EXTENSION = 0x21;
const IMAGE = 0x2c;
const TRAILER = 0x3b;
const GRAPHIC_CONTROL = 0xf9;

/** Read a GIF header; see the module comment. */
export function readGifHeader(bytes: Uint8Array): ImageHeader {
  const header: ImageHeader = { ...emptyHeader('image/gif'), colorModel: 'palette', bitDepth: 8 };
  let frames = 0; // image descriptors seen
  let complete = 0; // frames whose data ended properly
  let transparentIndex = false;
  let coversScreen = true;
  let inBlocks = false;
  try {
    header.width = u16le(bytes, 6);
    header.height = u16le(bytes, 8);
    let at = 13 + colorTableSize(u8(bytes, 10));
    u8(bytes, at - 1); // the whole global colour table must be there
    inBlocks = true;
    while (frames < 2) {
      const block = u8(bytes, at);
      if (block === TRAILER) break;
      if (block === EXTENSION) {
        // A graphic control extension before the first image says whether that frame has a transparent colour.
        if (frames === 0 && u8(bytes, at + 1) === GRAPHIC_CONTROL) transparentIndex = (u8(bytes, at + 3) & 1) === 1;
        at = skipSubBlocks(bytes, at + 2);
      } else if (block === IMAGE) {
        if (frames === 0) {
          const [left, top, width, height] = [u16le(bytes, at + 1), u16le(bytes, at + 3), u16le(bytes, at + 5), u16le(bytes, at + 7)];
          coversScreen = left === 0 && top === 0 && width >= header.width && height >= header.height;
        }
        frames += 1;
        if (frames === 2) break; // animated: the second frame's data does not matter
        // Descriptor (10 bytes), local colour table, LZW minimum code size, then the data sub-blocks.
        at = skipSubBlocks(bytes, at + 10 + colorTableSize(u8(bytes, at + 9)) + 1);
        complete += 1;
      } else {
        return finish(complete > 0 ? undefined : 'its blocks are scrambled');
      }
    }
    return finish(frames > 0 ? undefined : 'it has no image in it');
  } catch (error) {
    if (!(error instanceof EndOfData)) throw error;
    // Browsers show a GIF cut off after its first frame, and that frame is all we send.
    return finish(complete > 0 ? undefined : inBlocks ? 'it is cut off before its first frame is complete' : CUT_IN_HEADER);
  }

  function finish(damage: string | undefined): ImageHeader {
    // Pixels outside the first frame's rectangle show through as transparent.
    const result = { ...header, animated: frames > 1, mayHaveAlpha: transparentIndex || !coversScreen };
    return damage ? { ...result, damage } : result;
  }
}

/** Bytes taken by a global or local colour table, from the packed flags byte that announces it. */
function colorTableSize(flags: number): number {
  return flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0;
}

/** Offset after a chain of data sub-blocks (length byte + data, ended by a zero length). */
function skipSubBlocks(bytes: Uint8Array, from: number): number {
  let at = from;
  for (let size = u8(bytes, at); size !== 0; size = u8(bytes, at)) at += size + 1;
  // The terminator itself must be there, or the frame is incomplete.
  return at + 1;
}
