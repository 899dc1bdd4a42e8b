import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from './header';
import { pngChunk, tiffWithOrientation } from './header-fixtures';
import { normalizeImage } from './normalize';
import { createPixelImageIo, decodePixels } from './pixel-io';
import { ascii } from './test-support';

const XMP_NAMESPACE = 'http://ns.adobe.com/xap/1.0/';
const XMP = `${XMP_NAMESPACE}\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description exif:GPSLatitude="48,51.4N"/></x:xmpmeta>`;
const COMMENT = 'Shot at 12 Secret Street';

function segment(marker: number, payload: Uint8Array): number[] {
  return [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload];
}

/** A real photo (jpeg-js) carrying EXIF with orientation and a GPS block, an XMP packet and a comment. */
function photoWithMetadata(): Uint8Array {
  const width = 60;
  const height = 40;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([200, (i / 4) % 256, 40, 255], i);
  const exif = Buffer.from([...ascii('Exif\0\0'), ...tiffWithOrientation(1, { gps: true })]);
  const file = new Uint8Array(jpeg.encode({ data, width, height, exifBuffer: exif } as jpeg.RawImageData<Buffer>, 90).data);
  const extra = [...segment(0xe1, ascii(XMP)), ...segment(0xfe, ascii(COMMENT))];
  return new Uint8Array([...file.subarray(0, 2), ...extra, ...file.subarray(2)]);
}

/** Marker segments before the first scan (APPn, COM, DQT…). */
function jpegMarkers(bytes: Uint8Array): number[] {
  const markers: number[] = [];
  for (let at = 2; at + 4 <= bytes.length && bytes[at] === 0xff; ) {
    const marker = bytes[at + 1]!;
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
  }
  return markers;
}

function pngChunkTypes(bytes: Uint8Array): string[] {
  const types: string[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
    types.push(String.fromCharCode(...bytes.subarray(at + 4, at + 8)));
    at += 12 + length;
  }
  return types;
}

const contains = (haystack: Uint8Array, needle: string) => Buffer.from(haystack).includes(Buffer.from(needle, 'latin1'));

describe('normalizeImage strips metadata', () => {
  it('sends a JPEG with no EXIF, GPS, XMP or comment left, only the pixels', async () => {
    const source = photoWithMetadata();
    // The source really carries them, so the assertions below can fail.
    expect(jpegMarkers(source)).toEqual(expect.arrayContaining([0xe1, 0xfe]));
    expect(contains(source, 'Exif\0\0') && contains(source, XMP_NAMESPACE) && contains(source, COMMENT)).toBe(true);

    const io = createPixelImageIo();
    const result = await normalizeImage(new Blob([source as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }), io.deps);
    const sent = new Uint8Array(await result.blob.arrayBuffer());

    expect(sent).toEqual(io.encoded.at(-1)); // what the canvas encoded, never the source bytes
    const markers = jpegMarkers(sent);
    expect(markers.filter((m) => m === 0xe1 || m === 0xed || m === 0xfe)).toEqual([]); // no APP1 (EXIF/XMP), APP13 (IPTC), COM
    for (const text of ['Exif', XMP_NAMESPACE, 'GPS', COMMENT]) expect(contains(sent, text)).toBe(false);
    expect(readImageHeader(sent)).toMatchObject({ width: 60, height: 40, orientation: 1 });
    expect(decodePixels(sent)).toMatchObject({ width: 60, height: 40 });
  });

  it('sends a PNG without its eXIf, tEXt or iTXt chunks', async () => {
    const png = new PNG({ width: 8, height: 8 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([10, 20, 30, i < 64 ? 0 : 255], i); // some transparent pixels
    const plain = new Uint8Array(PNG.sync.write(png));
    const chunks = [...pngChunk('eXIf', tiffWithOrientation(1, { gps: true })), ...pngChunk('tEXt', ascii(`Comment\0${COMMENT}`)), ...pngChunk('iTXt', ascii(`XML:com.adobe.xmp\0\0\0\0\0${XMP}`))];
    const source = new Uint8Array([...plain.subarray(0, 33), ...chunks, ...plain.subarray(33)]);
    expect(pngChunkTypes(source)).toEqual(expect.arrayContaining(['eXIf', 'tEXt', 'iTXt']));

    const io = createPixelImageIo();
    const result = await normalizeImage(new Blob([source as Uint8Array<ArrayBuffer>]), io.deps);
    const sent = new Uint8Array(await result.blob.arrayBuffer());

    expect(result.type).toBe('image/png'); // transparency kept
    expect(pngChunkTypes(sent).filter((type) => !['IHDR', 'IDAT', 'IEND'].includes(type))).toEqual([]);
    for (const text of [COMMENT, XMP_NAMESPACE]) expect(contains(sent, text)).toBe(false);
  });

  it('re-encodes even a tiny JPEG that already fits every limit', async () => {
    const source = photoWithMetadata();
    const io = createPixelImageIo();
    const result = await normalizeImage(new Blob([source as Uint8Array<ArrayBuffer>]), io.deps, { maxBytes: 10_000_000 });
    expect(io.encoded).toHaveLength(1);
    expect(new Uint8Array(await result.blob.arrayBuffer())).not.toEqual(source);
  });
});
