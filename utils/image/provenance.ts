/**
 * Provenance written into saved results, so where a picture came from travels with the file: PNG gets
 * iTXt chunks (UTF-8, standard keywords), JPEG a comment segment. Pure byte surgery on the encoded
 * file: no re-encoding, the pixels stay exactly as the model returned them.
 */

/** What a saved result says about itself. */
export interface Provenance {
  prompt: string;
  model: string;
  /** The picture the edit started from (its address, or the page's), when known. */
  sourceUrl?: string;
  date: Date;
}

const SOFTWARE = 'Edit with Kontext';
/** A JPEG segment's length field counts itself: at most 65,535 - 2 bytes of text. */
const MAX_COMMENT_BYTES = 65_533;

/** The PNG text entries, in the standard keywords of the PNG specification (section 11.3.4.2). */
export function pngTextEntries(p: Provenance): [keyword: string, text: string][] {
  const entries: [string, string][] = [
    ['Description', p.prompt],
    ['Software', `${SOFTWARE} (${p.model})`],
    ['Creation Time', p.date.toISOString()],
  ];
  if (p.sourceUrl) entries.push(['Source', p.sourceUrl]);
  return entries;
}

/** The one-line JPEG comment. */
export function jpegComment(p: Provenance): string {
  const source = p.sourceUrl ? ` Source: ${p.sourceUrl}.` : '';
  return `Edited with ${SOFTWARE} (${p.model}) on ${p.date.toISOString()}. Instruction: ${p.prompt}.${source}`;
}

/** The file with provenance added; other types (and files that do not parse) come back unchanged. */
export async function withProvenance(blob: Blob, p: Provenance): Promise<Blob> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const out = isPng(bytes) ? addPngText(bytes, pngTextEntries(p)) : isJpeg(bytes) ? addJpegComment(bytes, jpegComment(p)) : undefined;
  return out ? new Blob([out], { type: blob.type }) : blob;
}

function isPng(b: Uint8Array): boolean {
  return b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
}

function isJpeg(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0xff && b[1] === 0xd8;
}

/** Inserts iTXt chunks right before IEND; undefined when the chunk structure is not sound. */
export function addPngText(png: Uint8Array, entries: [string, string][]): Uint8Array<ArrayBuffer> | undefined {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  while (at + 12 <= png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'IEND') {
      const chunks = entries.map(([keyword, text]) => pngChunk('iTXt', itxtData(keyword, text)));
      return concat([png.subarray(0, at), ...chunks, png.subarray(at)]);
    }
    at += 12 + length;
  }
  return undefined;
}

/** iTXt: keyword, NUL, no compression (0, 0), empty language and translated keyword, UTF-8 text. */
function itxtData(keyword: string, text: string): Uint8Array {
  const encoder = new TextEncoder();
  return concat([latin1(keyword), new Uint8Array([0, 0, 0, 0, 0]), encoder.encode(text)]);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(latin1(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** Inserts a COM segment right after SOI (before any frame data, where every reader looks). */
export function addJpegComment(jpeg: Uint8Array, comment: string): Uint8Array<ArrayBuffer> {
  let text = new TextEncoder().encode(comment);
  if (text.length > MAX_COMMENT_BYTES) text = text.subarray(0, MAX_COMMENT_BYTES);
  const segment = new Uint8Array(4 + text.length);
  segment[0] = 0xff;
  segment[1] = 0xfe;
  new DataView(segment.buffer).setUint16(2, text.length + 2);
  segment.set(text, 4);
  return concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

let table: Uint32Array | undefined;

/** CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
