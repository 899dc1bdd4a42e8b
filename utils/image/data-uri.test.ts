import { describe, expect, it } from 'vitest';
import { base64ToBytes, blobToDataUri, bytesToBase64, dataUriToBlob, parseDataUri } from './data-uri';
import { ImageError } from './errors';
import { pngBytes } from './test-support';

/** Deterministic pseudo-random bytes, so every byte value and chunk boundary is exercised. */
function noise(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

describe('blobToDataUri / dataUriToBlob', () => {
  it('round-trips a real PNG with its type', async () => {
    const png = pngBytes(3, 2);
    const uri = await blobToDataUri(new Blob([png], { type: 'image/png' }));
    expect(uri.startsWith('data:image/png;base64,iVBOR')).toBe(true);
    const back = dataUriToBlob(uri);
    expect(back.type).toBe('image/png');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(png);
  });

  it('round-trips a 3 MB blob without overflowing the call stack, matching Node’s base64', async () => {
    const bytes = noise(3_000_001); // not a multiple of 3: padding only at the very end
    const uri = await blobToDataUri(new Blob([bytes], { type: 'image/jpeg' }));
    expect(uri.slice('data:image/jpeg;base64,'.length)).toBe(Buffer.from(bytes).toString('base64'));
    const back = new Uint8Array(await dataUriToBlob(uri).arrayBuffer());
    expect(back.length).toBe(bytes.length);
    expect(Buffer.compare(back, bytes)).toBe(0);
  });

  it('labels an untyped blob application/octet-stream', async () => {
    expect(await blobToDataUri(new Blob([new Uint8Array([1])]))).toBe('data:application/octet-stream;base64,AQ==');
  });

  it('decodes a percent-encoded SVG data URI (no base64)', async () => {
    const blob = dataUriToBlob('data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns%3D%22x%22%2F%3E');
    expect(blob.type).toBe('image/svg+xml');
    expect(await blob.text()).toBe('<svg xmlns="x"/>');
  });

  it('accepts base64 with line breaks and an upper-case type', async () => {
    const blob = dataUriToBlob('data:IMAGE/PNG;base64,AQID\nBA==');
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ['a non-image type', 'data:text/html;base64,PGh0bWw+', /declared as text\/html/],
    ['no media type (text/plain by RFC 2397)', 'data:,hello', /declared as text\/plain/],
    ['not a data URI', 'https://example.com/a.png', /not a data: URI/],
    ['missing the comma', 'data:image/png;base64', /not a data: URI/],
    ['invalid base64', 'data:image/png;base64,@@@@', /base64 data is invalid/],
    ['broken percent-encoding', 'data:image/svg+xml,%E0%A4%A', /percent-encoding is invalid/],
  ])('rejects %s as not-an-image', (_name, uri, message) => {
    const attempt = () => dataUriToBlob(uri);
    expect(attempt).toThrow(ImageError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as ImageError).code).toBe('not-an-image');
    }
  });
});

describe('parseDataUri', () => {
  it('returns the type and bytes of any data URI, image or not', () => {
    const { mimeType, bytes } = parseDataUri('data:application/octet-stream;base64,AAEC');
    expect(mimeType).toBe('application/octet-stream');
    expect([...bytes]).toEqual([0, 1, 2]);
  });
});

describe('bytesToBase64 / base64ToBytes', () => {
  it.each([0, 1, 2, 3, 24_575, 24_576, 24_577, 100_000])('agree with Node for %i bytes', (length) => {
    const bytes = noise(length);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.compare(base64ToBytes(encoded), bytes)).toBe(0);
  });
});
