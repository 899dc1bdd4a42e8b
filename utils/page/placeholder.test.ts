import { describe, expect, it } from 'vitest';
import { dataImageSize, isPlaceholderUrl } from './placeholder';

/** A base64 `data:` URI with a real PNG or GIF header of that size, padded past the "tiny" length. */
function headerUri(kind: 'png' | 'gif', width: number, height: number): string {
  const header = Buffer.alloc(kind === 'png' ? 24 : 10);
  if (kind === 'png') {
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
    header.writeUInt32BE(13, 8);
    header.write('IHDR', 12, 'latin1');
    header.writeUInt32BE(width, 16);
    header.writeUInt32BE(height, 20);
  } else {
    header.write('GIF89a', 0, 'latin1');
    header.writeUInt16LE(width, 6);
    header.writeUInt16LE(height, 8);
  }
  return `data:image/${kind};base64,${Buffer.concat([header, Buffer.alloc(400, 7)]).toString('base64')}`;
}

const emptySvg = `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">${' '.repeat(200)}</svg>`)}`;
const drawnSvg = `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0L10 10"/>${' '.repeat(200)}</svg>`).toString('base64')}`;

describe('isPlaceholderUrl', () => {
  it.each([
    ['an empty src', '', true],
    ['a missing src', null, true],
    ['about:blank', 'about:blank', true],
    ['the classic 1×1 GIF', 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', true],
    ['any tiny data: URI', 'data:image/webp;base64,UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', true],
    ['a long 1×1 PNG', headerUri('png', 1, 1), true],
    ['a long 1×1 GIF', headerUri('gif', 1, 1), true],
    ['a 640×480 PNG data: URI', headerUri('png', 640, 480), false],
    ['a 300×200 GIF data: URI', headerUri('gif', 300, 200), false],
    ['an SVG frame that draws nothing', emptySvg, true],
    ['an SVG that draws a path', drawnSvg, false],
    ['an https image', 'https://example.com/cat.jpg', false],
    ['a relative image', '/img/cat.jpg', false],
  ])('%s → %s', (_name, src, expected) => {
    expect(isPlaceholderUrl(src)).toBe(expected);
  });
});

describe('dataImageSize', () => {
  it.each([
    [headerUri('png', 640, 480), { width: 640, height: 480 }],
    [headerUri('gif', 300, 200), { width: 300, height: 200 }],
    ['data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD', undefined],
    ['data:image/png;base64,bm90IGEgcG5nIGF0IGFsbCwganVzdCB0ZXh0', undefined],
  ])('reads the header of %#', (uri, expected) => {
    expect(dataImageSize(uri)).toEqual(expected);
  });
});
