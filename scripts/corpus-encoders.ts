// Encoders for corpus files pngjs and jpeg-js do not write: 16-bit and palette PNGs, and the EXIF segment
// (orientation, camera and GPS tags) of the rotated JPEG. Written from the specs, with Node's zlib.
import { crc32, deflateSync } from 'node:zlib';
import { quadrantAt } from '../tests/e2e/corpus-colours';
import type { QuadrantColours } from '../tests/e2e/corpus-colours';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(width: number, height: number, bitDepth: number, colourType: number, rows: Buffer[], extra: Buffer[] = []): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([bitDepth, colourType, 0, 0, 0], 8);
  // Filter type 0 (none) on every row: flat quadrants deflate well without prediction.
  const raw = Buffer.concat(rows.map((row) => Buffer.concat([Buffer.from([0]), row])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...extra,
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** RGB PNG with 16 bits per channel; each sample is the 8-bit colour times 257 plus a low byte of 0x5A (real 16-bit data). */
export function encodeDeepPng(width: number, height: number, q: QuadrantColours): Buffer {
  const rows = Array.from({ length: height }, (_, y) => {
    const row = Buffer.alloc(width * 6);
    for (let x = 0; x < width; x++) {
      quadrantAt(q, width, height, x, y).forEach((v, c) => row.writeUInt16BE(Math.min(0xffff, v * 256 + 0x5a), x * 6 + c * 2));
    }
    return row;
  });
  return png(width, height, 16, 2, rows);
}

/** Indexed-colour PNG (colour type 3, 8-bit indices) with a four-entry palette and no transparency. */
export function encodePalettePng(width: number, height: number, q: QuadrantColours): Buffer {
  const palette = [q.topLeft, q.topRight, q.bottomLeft, q.bottomRight];
  const index: QuadrantColours<number> = { topLeft: 0, topRight: 1, bottomLeft: 2, bottomRight: 3 };
  const rows = Array.from({ length: height }, (_, y) => Buffer.from(Array.from({ length: width }, (_, x) => quadrantAt(index, width, height, x, y))));
  return png(width, height, 8, 3, rows, [chunk('PLTE', Buffer.from(palette.flat()))]);
}

/** A big-endian TIFF IFD entry: tag, type, count, and a 4-byte value or offset. */
function entry(tag: number, type: number, count: number, value: Buffer | number): Buffer {
  const e = Buffer.alloc(12);
  e.writeUInt16BE(tag, 0);
  e.writeUInt16BE(type, 2);
  e.writeUInt32BE(count, 4);
  if (typeof value === 'number') e.writeUInt32BE(value, 8);
  else value.copy(e, 8);
  return e;
}

function ifd(entries: Buffer[]): Buffer {
  const count = Buffer.alloc(2);
  count.writeUInt16BE(entries.length, 0);
  return Buffer.concat([count, ...entries, Buffer.alloc(4)]);
}

function rationals(values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => {
    b.writeUInt32BE(v, i * 8);
    b.writeUInt32BE(1, i * 8 + 4);
  });
  return b;
}

/**
 * APP1 segment with EXIF: IFD0 with camera make and `orientation`, and a GPS IFD (a position in Paris),
 * so a test can check that metadata, GPS included, never leaves the machine.
 */
export function exifSegment(orientation: number): Buffer {
  const SHORT = 3;
  const ASCII = 2;
  const LONG = 4;
  const BYTE = 1;
  const RATIONAL = 5;
  const make = Buffer.from('KontextCorpusCam\0', 'latin1');
  // Layout after the 8-byte TIFF header: IFD0 (3 entries), make string, GPS IFD (5 entries), latitude, longitude.
  const ifd0At = 8;
  const makeAt = ifd0At + 2 + 3 * 12 + 4;
  const gpsAt = makeAt + make.length + (make.length % 2);
  const latAt = gpsAt + 2 + 5 * 12 + 4;
  const lonAt = latAt + 24;
  const short = Buffer.alloc(4);
  short.writeUInt16BE(orientation, 0);
  const tiff = Buffer.concat([
    Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, ifd0At]),
    ifd([entry(0x010f, ASCII, make.length, makeAt), entry(0x0112, SHORT, 1, short), entry(0x8825, LONG, 1, gpsAt)]),
    make,
    Buffer.alloc(make.length % 2),
    ifd([
      entry(0x0000, BYTE, 4, Buffer.from([2, 3, 0, 0])),
      entry(0x0001, ASCII, 2, Buffer.from('N\0\0\0', 'latin1')),
      entry(0x0002, RATIONAL, 3, latAt),
      entry(0x0003, ASCII, 2, Buffer.from('E\0\0\0', 'latin1')),
      entry(0x0004, RATIONAL, 3, lonAt),
    ]),
    rationals([48, 51, 30]),
    rationals([2, 17, 40]),
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}
