// Decoding and encoding of the images the double reads and writes (pngjs, jpeg-js).
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ImageFormat } from './types';

/** RGBA pixels, 4 bytes each, row-major. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Detects the format from magic bytes. */
export function sniffFormat(bytes: Uint8Array): ImageFormat {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) return 'gif';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return 'unknown';
}

/** Width and height read from the file header without decoding pixels; null when unreadable. */
export function headerSize(bytes: Uint8Array, format: ImageFormat): { width: number; height: number } | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (format === 'png') return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    if (format === 'gif') return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
    if (format === 'jpeg') return jpegSize(b);
    if (format === 'webp') return webpSize(b);
  } catch {
    // RangeError from a truncated header.
  }
  return null;
}

function jpegSize(b: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: b.readUInt16BE(at + 7), height: b.readUInt16BE(at + 5) };
    }
    at += 2 + b.readUInt16BE(at + 2);
  }
  return null;
}

function webpSize(b: Buffer): { width: number; height: number } | null {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}

/** Decodes a JPEG or PNG; throws on anything else or on corrupt data. */
export function decodeImage(bytes: Uint8Array): Raster {
  const format = sniffFormat(bytes);
  if (format === 'jpeg') {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return { width: img.width, height: img.height, data: img.data };
  }
  if (format === 'png') {
    const img = PNG.sync.read(Buffer.from(bytes));
    return { width: img.width, height: img.height, data: new Uint8Array(img.data) };
  }
  throw new Error(`cannot decode ${format} image`);
}

/** Encodes for the requested output_format. */
export function encodeImage(raster: Raster, format: 'jpg' | 'png'): Buffer {
  if (format === 'jpg') return jpeg.encode({ ...raster, data: Buffer.from(raster.data) }, 90).data;
  const png = new PNG({ width: raster.width, height: raster.height });
  png.data = Buffer.from(raster.data);
  // Fast compression: the double cares about latency, not bytes. One filter (Paeth) for every row
  // instead of trying all five per row: 3-5x faster on a 1.5 MP output, about the same size, and the
  // double encodes on the test's own thread.
  return PNG.sync.write(png, { deflateLevel: 3, filterType: 4 });
}
