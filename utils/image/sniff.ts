/**
 * Content sniffing: what an image really is, from its first bytes.
 * Servers mislabel often (octet-stream for JPEGs, image/png for an HTML login or hotlink page),
 * so the bytes decide, never the Content-Type header.
 */

/** Image types recognised by their magic bytes. */
export type SniffedImageType =
  | 'image/jpeg'
  | 'image/png'
  | 'image/gif'
  | 'image/webp'
  | 'image/avif'
  | 'image/heic'
  | 'image/bmp'
  | 'image/x-icon'
  | 'image/tiff'
  | 'image/svg+xml';

/** How many leading bytes sniffImageType wants to see (SVG may start with an XML prolog). */
export const SNIFF_BYTES = 1024;

/** The real image type of a file from its leading bytes, or null when it is not a known image. */
export function sniffImageType(bytes: Uint8Array): SniffedImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  const isobmff = sniffIsoBmff(bytes);
  if (isobmff) return isobmff;
  if (isBmp(bytes)) return 'image/bmp';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length >= 6 && (bytes[4] ?? 0) + (bytes[5] ?? 0) > 0) {
    return 'image/x-icon';
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (isSvg(bytes)) return 'image/svg+xml';
  return null;
}

/** A short human description of non-image content for error messages ("an HTML page", "JSON"…). */
export function describeContent(bytes: Uint8Array, contentType?: string | null): string {
  const text = leadingText(bytes).toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || /^<(head|body|meta|title)\b/.test(text)) {
    return 'an HTML page';
  }
  if (text.startsWith('{') || text.startsWith('[')) return 'JSON data';
  if (text.startsWith('<')) return 'an XML document';
  if (bytes.length === 0) return 'an empty file';
  const type = contentType?.split(';')[0]?.trim();
  return type ? `a file of type ${type}` : 'a file of unknown type';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return bytes.length < end ? '' : String.fromCharCode(...bytes.subarray(start, end));
}

/** AVIF and HEIC are ISO-BMFF: an 'ftyp' box naming a major brand and compatible brands. */
function sniffIsoBmff(bytes: Uint8Array): SniffedImageType | null {
  if (ascii(bytes, 4, 8) !== 'ftyp') return null;
  const boxSize = (((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)) >>> 0;
  const end = Math.min(boxSize, bytes.length);
  const brands: string[] = [ascii(bytes, 8, 12)];
  // Compatible brands follow the major brand and its 4-byte minor version.
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  if (brands.some((b) => b === 'avif' || b === 'avis')) return 'image/avif';
  if (brands.some((b) => ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(b))) {
    return 'image/heic';
  }
  return null;
}

/** "BM" alone is too weak (any text starting with BM): also require a known DIB header size. */
function isBmp(bytes: Uint8Array): boolean {
  if (ascii(bytes, 0, 2) !== 'BM' || bytes.length < 18) return false;
  const dibSize = (bytes[14] ?? 0) | ((bytes[15] ?? 0) << 8) | ((bytes[16] ?? 0) << 16) | ((bytes[17] ?? 0) << 24);
  return [12, 16, 40, 52, 56, 64, 108, 124].includes(dibSize);
}

/** SVG is text: skip a BOM, whitespace, the XML prolog, comments and a doctype, then expect <svg. */
function isSvg(bytes: Uint8Array): boolean {
  let text = leadingText(bytes);
  for (;;) {
    const skipped = text.replace(/^(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype\s+svg[^>]*>)\s*/i, '');
    if (skipped === text) break;
    text = skipped;
  }
  return /^<svg[\s>/]/i.test(text) || /^<[a-z]+:svg[\s>/]/i.test(text);
}

function leadingText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SNIFF_BYTES));
  return text.replace(/^\uFEFF/, '').trimStart();
}
