/**
 * Lazy-loading pages put a stand-in in `src` (an empty string, a transparent 1×1 GIF, an empty SVG
 * with the right aspect ratio) and keep the real address in `data-src` & co. until the image scrolls
 * into view. These checks tell such a stand-in from a real picture by its address alone.
 */

/** Below this many characters a `data:` URI cannot hold a picture worth editing (~140 bytes). */
const TINY_DATA_URI = 200;
/** SVG elements that draw something; an SVG with none of them is an empty frame. */
const SVG_DRAWING = /<(path|rect|circle|ellipse|line|polyline|polygon|image|text|use|g|foreignObject)[\s/>]/i;

/** Whether `src` is a lazy-load stand-in rather than the picture itself. */
export function isPlaceholderUrl(src: string | null | undefined): boolean {
  const value = (src ?? '').trim();
  if (value === '' || value === 'about:blank' || value === '#') return true;
  if (!/^data:/i.test(value)) return false;
  if (value.length < TINY_DATA_URI) return true;
  const size = dataImageSize(value);
  if (size) return size.width * size.height <= 4;
  if (/^data:image\/svg\+xml/i.test(value)) return !SVG_DRAWING.test(dataPayload(value) ?? '');
  return false;
}

/** Width and height read from the header of a base64 PNG or GIF `data:` URI, without decoding it. */
export function dataImageSize(uri: string): { width: number; height: number } | undefined {
  const match = /^data:image\/(png|gif)[^,]*;base64,/i.exec(uri);
  if (!match) return undefined;
  // 32 base64 characters are 24 bytes: enough for the PNG IHDR size fields and the GIF screen size.
  const bytes = decodeBase64(uri.slice(match[0].length, match[0].length + 32));
  if (!bytes) return undefined;
  if (match[1]!.toLowerCase() === 'gif') {
    if (bytes.length < 10 || String.fromCharCode(...bytes.slice(0, 4)) !== 'GIF8') return undefined;
    return { width: bytes[6]! | (bytes[7]! << 8), height: bytes[8]! | (bytes[9]! << 8) };
  }
  if (bytes.length < 24 || String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The text of a `data:` URI (base64 or percent-encoded), or undefined when it cannot be decoded. */
function dataPayload(uri: string): string | undefined {
  const comma = uri.indexOf(',');
  if (comma < 0) return undefined;
  const head = uri.slice(0, comma);
  const body = uri.slice(comma + 1);
  try {
    if (/;base64$/i.test(head)) return new TextDecoder().decode(decodeBase64(body));
    return decodeURIComponent(body);
  } catch {
    return undefined;
  }
}

function decodeBase64(text: string): Uint8Array | undefined {
  try {
    const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
    const binary = atob(clean.slice(0, clean.length - (clean.length % 4)));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
