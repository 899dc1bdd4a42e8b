/**
 * JPEG: walk the marker segments to the frame header (SOFn) and on to the end-of-image marker.
 * Entropy-coded data after each SOS is skipped by looking for the next real marker (0xFF not
 * followed by a stuffed 0x00 or a restart marker), so a missing EOI means the file was cut off.
 * APP1 "Exif" gives the orientation; APP14 "Adobe" tells CMYK from YCCK.
 */
import { EndOfData, latin1, u16be, u8 } from './byte-reader';
import { readExifOrientation, swapsAxes } from './exif-orientation';
import { CUT_IN_HEADER, emptyHeader, type ColorModel, type ImageHeader } from './header-types';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP1 = 0xe1;
const APP14 = 0xee;

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Markers without a length field: TEM, RST0–7, SOI, EOI. */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);
}

/** Read a JPEG header; see the module comment. */
export function readJpegHeader(bytes: Uint8Array): ImageHeader {
  const header: ImageHeader = { ...emptyHeader('image/jpeg'), mayHaveAlpha: false };
  let rawWidth = 0;
  let rawHeight = 0;
  let components = 0;
  let adobeTransform: number | undefined;
  try {
    let at = 2;
    while (at >= 0) {
      at = nextMarker(bytes, at);
      if (at < 0) break;
      const marker = u8(bytes, at + 1);
      if (marker === EOI) {
        finish();
        return header;
      }
      if (isStandalone(marker) || marker === SOI) {
        at += 2;
        continue;
      }
      const length = u16be(bytes, at + 2);
      const start = at + 4;
      const end = at + 2 + length;
      if (length < 2 || end > bytes.length) throw new EndOfData('segment');
      if (marker === APP1 && header.orientation === 1 && latin1(bytes, start, 6) === 'Exif\0\0') {
        header.orientation = readExifOrientation(bytes.subarray(start, end)) ?? 1;
      } else if (marker === APP14 && end - start >= 12 && latin1(bytes, start, 5) === 'Adobe') {
        adobeTransform = u8(bytes, start + 11);
      } else if (isStartOfFrame(marker) && rawWidth === 0) {
        header.bitDepth = u8(bytes, start);
        rawHeight = u16be(bytes, start + 1);
        rawWidth = u16be(bytes, start + 3);
        components = u8(bytes, start + 5);
      }
      at = marker === SOS ? skipEntropyData(bytes, end) : end;
    }
    finish();
    header.damage = rawWidth > 0 ? 'it is cut off before the end-of-image marker' : CUT_IN_HEADER;
    return header;
  } catch (error) {
    if (!(error instanceof EndOfData)) throw error;
    finish();
    header.damage = CUT_IN_HEADER;
    return header;
  }

  function finish(): void {
    const swap = swapsAxes(header.orientation);
    header.width = swap ? rawHeight : rawWidth;
    header.height = swap ? rawWidth : rawHeight;
    header.colorModel = colorModel(components, adobeTransform);
  }
}

/** Offset of the next 0xFF that starts a marker at or after `from`, skipping fill bytes; -1 at the end. */
function nextMarker(bytes: Uint8Array, from: number): number {
  // Well-formed files have the marker right here; tolerate stray bytes between segments as libjpeg does.
  let at = bytes.indexOf(0xff, from);
  while (at >= 0 && bytes[at + 1] === 0xff) at += 1;
  return at >= 0 && at + 1 < bytes.length ? at : -1;
}

/** First offset after scan data: the next 0xFF not followed by a stuffed 0x00, fill, or RSTn; -1 at the end. */
function skipEntropyData(bytes: Uint8Array, from: number): number {
  let at = bytes.indexOf(0xff, from);
  while (at >= 0) {
    let next = at + 1;
    while (bytes[next] === 0xff) next += 1;
    const byte = bytes[next];
    if (byte === undefined) return -1;
    if (byte !== 0x00 && !(byte >= 0xd0 && byte <= 0xd7)) return next - 1;
    at = bytes.indexOf(0xff, next + 1);
  }
  return -1;
}

function colorModel(components: number, adobeTransform: number | undefined): ColorModel | undefined {
  if (components === 1) return 'gray';
  if (components === 3) return adobeTransform === 0 ? 'rgb' : 'ycbcr';
  // Adobe's transform flag 2 marks YCCK; four components without it are plain (usually inverted) CMYK.
  if (components === 4) return adobeTransform === 2 ? 'ycck' : 'cmyk';
  return undefined;
}
