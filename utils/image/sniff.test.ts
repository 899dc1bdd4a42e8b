import { describe, expect, it } from 'vitest';
import { describeContent, sniffImageType } from './sniff';
import { ascii, bmpBytes, ftypBytes, GIF_1PX, jpegBytes, pngBytes, WEBP_1PX } from './test-support';

describe('sniffImageType', () => {
  it.each([
    ['a JPEG', jpegBytes(), 'image/jpeg'],
    ['a PNG', pngBytes(), 'image/png'],
    ['a GIF89a', GIF_1PX, 'image/gif'],
    ['a GIF87a', ascii('GIF87a\x01\x00\x01\x00'), 'image/gif'],
    ['a WebP', WEBP_1PX, 'image/webp'],
    ['an AVIF', ftypBytes('avif', ['mif1', 'miaf']), 'image/avif'],
    ['an AVIF whose major brand is mif1', ftypBytes('mif1', ['avif', 'miaf']), 'image/avif'],
    ['an animated AVIF (avis brand)', ftypBytes('avis', ['msf1', 'miaf']), 'image/avif'],
    ['a HEIC', ftypBytes('heic', ['mif1', 'heic']), 'image/heic'],
    ['a BMP', bmpBytes(), 'image/bmp'],
    ['an ICO', new Uint8Array([0, 0, 1, 0, 1, 0, 16, 16]), 'image/x-icon'],
    ['a little-endian TIFF', new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'image/tiff'],
    ['an SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
    [
      'an SVG with BOM, XML prolog, comment and doctype',
      ascii(
        '\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg width="1">',
      ),
      'image/svg+xml',
    ],
  ])('recognises %s from its magic bytes', (_name, bytes, expected) => {
    expect(sniffImageType(bytes)).toBe(expected);
  });

  it.each([
    ['an HTML page (what a hotlink-protected URL serves as image/png)', ascii('<!DOCTYPE html><html><body>Forbidden</body></html>')],
    ['an HTML page that embeds an svg', ascii('<html><body><svg></svg></body></html>')],
    ['JSON', ascii('{"error":"not found"}')],
    ['an MP4 video (ISO-BMFF, but not an image brand)', ftypBytes('isom', ['iso2', 'mp41'])],
    ['text starting with BM', ascii('BMW owners club newsletter, issue 4')],
    ['an empty file', new Uint8Array(0)],
    ['a truncated PNG signature', pngBytes().subarray(0, 4)],
  ])('does not take %s for an image', (_name, bytes) => {
    expect(sniffImageType(bytes)).toBeNull();
  });
});

describe('describeContent', () => {
  it.each([
    [ascii('<!doctype html><title>Login</title>'), 'text/html', 'an HTML page'],
    [ascii('  <html lang="en">'), 'image/png', 'an HTML page'],
    [ascii('{"detail":"nope"}'), 'application/json', 'JSON data'],
    [new Uint8Array(0), null, 'an empty file'],
    [new Uint8Array([1, 2, 3]), 'application/pdf; q=1', 'a file of type application/pdf'],
    [new Uint8Array([1, 2, 3]), null, 'a file of unknown type'],
  ])('describes non-image content for messages (%#)', (bytes, contentType, expected) => {
    expect(describeContent(bytes, contentType)).toBe(expected);
  });
});
