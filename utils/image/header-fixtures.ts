/**
 * Test-only builders of image files byte by byte: just the structure the header reader walks
 * (markers, chunks, blocks, boxes), with any size, so a 50-megapixel header costs a few bytes.
 */
import { crc32 } from 'node:zlib';

const bytesOf = (text: string) => [...text].map((c) => c.charCodeAt(0));
const be16 = (n: number) => [(n >>> 8) & 255, n & 255];
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le24 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];

/** A big-endian TIFF block with IFD0 holding Orientation (and a GPS IFD pointer when asked). */
export function tiffWithOrientation(orientation: number, options: { littleEndian?: boolean; gps?: boolean } = {}): number[] {
  const u16 = options.littleEndian ? le16 : be16;
  const u32 = options.littleEndian ? le32 : be32;
  const entries = [[0x0112, 3, 1, [...u16(orientation), 0, 0]]] as [number, number, number, number[]][];
  if (options.gps) entries.push([0x8825, 4, 1, u32(8 + 2 + 12 * 2 + 4)]);
  const ifd = [...u16(entries.length), ...entries.flatMap(([tag, type, count, value]) => [...u16(tag), ...u16(type), ...u32(count), ...value]), 0, 0, 0, 0];
  // A GPS IFD with one latitude-ref entry, so the block carries location data like a phone photo.
  const gpsIfd = options.gps ? [...u16(1), ...u16(1), ...u16(2), ...u32(2), ...bytesOf('N\0'), 0, 0, 0, 0, 0, 0] : [];
  return [...bytesOf(options.littleEndian ? 'II' : 'MM'), ...u16(42), ...u32(8), ...ifd, ...gpsIfd];
}

function jpegSegment(marker: number, payload: number[]): number[] {
  return [0xff, marker, ...be16(payload.length + 2), ...payload];
}

export interface JpegShape {
  width: number;
  height: number;
  orientation?: number;
  components?: 1 | 3 | 4;
  /** APP14 Adobe transform flag (0 RGB/CMYK, 1 YCbCr, 2 YCCK). */
  adobeTransform?: number;
  /** SOF marker: 0xC0 baseline, 0xC2 progressive… */
  sof?: number;
  /** Scans: progressive files have several, with tables between them. */
  scans?: number;
  eoi?: boolean;
  /** Bytes after EOI (phones append videos or maker data). */
  trailer?: number[];
}

/** A JPEG marker structure: SOI, APP1 Exif, APP14, SOF, scans with stuffed bytes and restarts, EOI. */
export function jpegFile(shape: JpegShape): Uint8Array<ArrayBuffer> {
  const components = shape.components ?? 3;
  const parts: number[] = [0xff, 0xd8];
  if (shape.orientation !== undefined) parts.push(...jpegSegment(0xe1, [...bytesOf('Exif\0\0'), ...tiffWithOrientation(shape.orientation)]));
  if (shape.adobeTransform !== undefined) parts.push(...jpegSegment(0xee, [...bytesOf('Adobe'), 0, 100, 0, 0, 0, 0, shape.adobeTransform]));
  const componentSpecs = Array.from({ length: components }, (_, i) => [i + 1, 0x11, 0]).flat();
  parts.push(...jpegSegment(shape.sof ?? 0xc0, [8, ...be16(shape.height), ...be16(shape.width), components, ...componentSpecs]));
  for (let scan = 0; scan < (shape.scans ?? 1); scan += 1) {
    parts.push(...jpegSegment(0xc4, [0, ...new Array<number>(16).fill(0)]));
    parts.push(...jpegSegment(0xda, [1, 1, 0, 0, 63, 0]));
    // Entropy data with a stuffed 0xFF00, a restart marker and a byte pair that looks like EOI only when unstuffed.
    parts.push(0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0x00, 0xd9, 0x78);
  }
  if (shape.eoi ?? true) parts.push(0xff, 0xd9);
  parts.push(...(shape.trailer ?? []));
  return new Uint8Array(parts);
}

/** One PNG chunk with a correct CRC. */
export function pngChunk(type: string, data: number[] | Uint8Array = []): number[] {
  const body = new Uint8Array([...bytesOf(type), ...data]);
  return [...be32(body.length - 4), ...body, ...be32(crc32(body))];
}

export interface PngShape {
  width: number;
  height: number;
  bitDepth?: number;
  colorType?: 0 | 2 | 3 | 4 | 6;
  /** Chunks between IHDR and IDAT (tRNS, acTL, eXIf…). */
  chunks?: number[][];
  iend?: boolean;
}

/** A PNG chunk structure (the IDAT is a placeholder: the header reader never inflates it). */
export function pngFile(shape: PngShape): Uint8Array<ArrayBuffer> {
  const ihdr = [...be32(shape.width), ...be32(shape.height), shape.bitDepth ?? 8, shape.colorType ?? 2, 0, 0, 0];
  const parts = [0x89, ...bytesOf('PNG\r\n\x1a\n'), ...pngChunk('IHDR', ihdr), ...(shape.chunks ?? []).flat(), ...pngChunk('IDAT', [0x78, 0x9c, 0, 0])];
  if (shape.iend ?? true) parts.push(...pngChunk('IEND'));
  return new Uint8Array(parts);
}

export interface GifShape {
  width: number;
  height: number;
  frames?: number;
  /** Graphic control extension with a transparent colour before the first frame. */
  transparent?: boolean;
  /** First frame's rectangle, when it does not cover the screen. */
  firstFrame?: { left: number; top: number; width: number; height: number };
  trailer?: boolean;
}

/** A GIF block structure with a global colour table and `frames` image descriptors. */
export function gifFile(shape: GifShape): Uint8Array<ArrayBuffer> {
  const parts = [...bytesOf('GIF89a'), ...le16(shape.width), ...le16(shape.height), 0x80, 0, 0, ...new Array<number>(6).fill(0)];
  for (let frame = 0; frame < (shape.frames ?? 1); frame += 1) {
    parts.push(0x21, 0xf9, 4, frame === 0 && shape.transparent ? 1 : 0, 10, 0, 0, 0);
    const rect = (frame === 0 && shape.firstFrame) || { left: 0, top: 0, width: shape.width, height: shape.height };
    parts.push(0x2c, ...le16(rect.left), ...le16(rect.top), ...le16(rect.width), ...le16(rect.height), 0);
    parts.push(2, 3, 0x44, 0x01, 0x00, 0); // LZW minimum code size, one 3-byte sub-block, terminator
  }
  if (shape.trailer ?? true) parts.push(0x3b);
  return new Uint8Array(parts);
}

function riffChunk(type: string, data: number[]): number[] {
  return [...bytesOf(type), ...le32(data.length), ...data, ...(data.length % 2 ? [0] : [])];
}

function riff(chunks: number[][], declaredExtra = 0): Uint8Array<ArrayBuffer> {
  const body = [...bytesOf('WEBP'), ...chunks.flat()];
  return new Uint8Array([...bytesOf('RIFF'), ...le32(body.length + declaredExtra), ...body]);
}

/** A lossy (VP8) WebP header with a placeholder bitstream. */
export function webpLossy(width: number, height: number): Uint8Array<ArrayBuffer> {
  return riff([riffChunk('VP8 ', [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(width), ...le16(height), 0, 0])]);
}

/** A lossless (VP8L) WebP header. */
export function webpLossless(width: number, height: number, alpha: boolean): Uint8Array<ArrayBuffer> {
  const bits = (width - 1) | ((height - 1) << 14) | ((alpha ? 1 : 0) << 28);
  return riff([riffChunk('VP8L', [0x2f, ...le32(bits >>> 0), 0, 0, 0])]);
}

export interface WebpExtendedShape {
  width: number;
  height: number;
  alpha?: boolean;
  frames?: number;
  orientation?: number;
  /** Declare this many more bytes than present (a cut-off download). */
  missing?: number;
}

/** An extended (VP8X) WebP: canvas size, flags, ANMF frames or one VP8 image, EXIF. */
export function webpExtended(shape: WebpExtendedShape): Uint8Array<ArrayBuffer> {
  const flags = (shape.alpha ? 0x10 : 0) | (shape.frames ? 0x02 : 0) | (shape.orientation ? 0x08 : 0);
  const chunks = [riffChunk('VP8X', [flags, 0, 0, 0, ...le24(shape.width - 1), ...le24(shape.height - 1)])];
  if (shape.frames) {
    chunks.push(riffChunk('ANIM', [0, 0, 0, 0, 0, 0]));
    for (let i = 0; i < shape.frames; i += 1) chunks.push(riffChunk('ANMF', new Array<number>(16).fill(0)));
  } else {
    chunks.push(riffChunk('VP8 ', [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(shape.width), ...le16(shape.height)]));
  }
  if (shape.orientation) chunks.push(riffChunk('EXIF', tiffWithOrientation(shape.orientation, { littleEndian: true })));
  return riff(chunks, shape.missing ?? 0);
}

function box(type: string, payload: number[]): number[] {
  return [...be32(payload.length + 8), ...bytesOf(type), ...payload];
}

const fullBox = (type: string, payload: number[], version = 0, flags = 0) => box(type, [version, 0, 0, flags, ...payload]);

export interface AvifShape {
  width: number;
  height: number;
  brands?: string[];
  /** irot angle: 1 = 90° anticlockwise, 3 = 270°. */
  irot?: number;
  alpha?: boolean;
  /** A smaller thumbnail item listed first, to check the primary item is the one read. */
  thumbnail?: { width: number; height: number };
  /** Animated AVIF: a moov box. */
  moov?: boolean;
  /** Declare the mdat this many bytes longer than present. */
  missing?: number;
}

/** An AVIF box structure: ftyp, meta (pitm, iprp/ipco/ipma with ispe, irot, auxC), optional moov, mdat. */
export function avifFile(shape: AvifShape): Uint8Array<ArrayBuffer> {
  const brands = shape.brands ?? ['avif', 'mif1', 'miaf'];
  const ispe = (w: number, h: number) => fullBox('ispe', [...be32(w), ...be32(h)]);
  const properties: number[][] = [];
  if (shape.thumbnail) properties.push(ispe(shape.thumbnail.width, shape.thumbnail.height)); // index 1 when present
  properties.push(ispe(shape.width, shape.height));
  const primaryIndices = [properties.length];
  if (shape.irot !== undefined) {
    properties.push(box('irot', [shape.irot]));
    primaryIndices.push(properties.length);
  }
  if (shape.alpha) properties.push(fullBox('auxC', bytesOf('urn:mpeg:mpegB:cicp:systems:auxiliary:alpha\0')));
  const associations = [...be16(1), primaryIndices.length, ...primaryIndices.map((i) => 0x80 | i)];
  if (shape.thumbnail) associations.push(...be16(2), 1, 0x81);
  const ipma = fullBox('ipma', [...be32(shape.thumbnail ? 2 : 1), ...associations]);
  const meta = fullBox('meta', [...fullBox('pitm', be16(1)), ...box('iprp', [...box('ipco', properties.flat()), ...ipma])]);
  const ftyp = box('ftyp', [...bytesOf(brands[0] ?? 'avif'), 0, 0, 0, 0, ...brands.flatMap(bytesOf)]);
  const mdatData = [1, 2, 3, 4];
  const mdat = [...be32(mdatData.length + 8 + (shape.missing ?? 0)), ...bytesOf('mdat'), ...mdatData];
  return new Uint8Array([...ftyp, ...meta, ...(shape.moov ? box('moov', []) : []), ...mdat]);
}
