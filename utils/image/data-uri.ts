/**
 * Blob ⇄ data: URI without FileReader (absent from service workers) and without spreading a whole
 * buffer into String.fromCharCode (call-stack overflow beyond ~100 kB).
 */
import { ImageError } from './errors';

/**
 * Bytes per String.fromCharCode call: well below every engine's argument limit, and a multiple of 3
 * so each chunk's base64 can be concatenated without padding in the middle.
 */
const CHUNK = 3 * 0x2000;

/** Encode a blob as `data:<type>;base64,…` (type falls back to application/octet-stream). */
export async function blobToDataUri(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return `data:${blob.type || 'application/octet-stream'};base64,${bytesToBase64(bytes)}`;
}

/** Decode an image data: URI to a Blob; ImageError('not-an-image') when malformed or not an image. */
export function dataUriToBlob(uri: string): Blob {
  const { mimeType, bytes } = parseDataUri(uri);
  if (!mimeType.startsWith('image/')) {
    throw new ImageError('not-an-image', `The embedded data is not an image (it is declared as ${mimeType}).`);
  }
  return new Blob([bytes], { type: mimeType });
}

/** Split any data: URI into its lower-cased MIME type and its bytes; ImageError when malformed. */
export function parseDataUri(uri: string): { mimeType: string; bytes: Uint8Array<ArrayBuffer> } {
  const match = /^data:([^,]*),/i.exec(uri);
  if (!match) throw malformed('it is not a data: URI');
  const params = (match[1] ?? '').split(';').map((part) => part.trim());
  const isBase64 = params.length > 1 && params[params.length - 1]?.toLowerCase() === 'base64';
  // RFC 2397: an empty media type means text/plain.
  const mimeType = (params[0] || 'text/plain').toLowerCase();
  const payload = uri.slice(match[0].length);
  if (!isBase64) {
    try {
      return { mimeType, bytes: new TextEncoder().encode(decodeURIComponent(payload)) };
    } catch {
      throw malformed('its percent-encoding is invalid');
    }
  }
  try {
    // Base64 in URLs may be percent-escaped and wrapped; atob rejects anything else that is invalid.
    const clean = (payload.includes('%') ? decodeURIComponent(payload) : payload).replace(/[\s]/g, '');
    return { mimeType, bytes: base64ToBytes(clean) };
  } catch {
    throw malformed('its base64 data is invalid');
  }
}

/** Standard base64 of bytes, built chunk by chunk. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK))));
  }
  return parts.join('');
}

/** Bytes of a standard base64 string; throws on invalid input (atob does). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function malformed(reason: string): ImageError {
  return new ImageError('not-an-image', `The embedded image is malformed (${reason}).`);
}
