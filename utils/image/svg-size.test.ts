import { describe, expect, it } from 'vitest';
import { parseSvgLength, parseViewBox, readSvgRootAttributes, SVG_DEFAULT_SIZE, svgIntrinsicSize, svgRasterSize } from './svg-size';

const svg = (attributes: string) => `<svg xmlns="http://www.w3.org/2000/svg" ${attributes}><rect width="1" height="1"/></svg>`;

describe('svgIntrinsicSize', () => {
  it.each([
    ['width and height', svg('width="100" height="50"'), { width: 100, height: 50 }],
    ['width and height with px units', svg("width='24px' height='12px'"), { width: 24, height: 12 }],
    ['absolute units', svg('width="1in" height="72pt"'), { width: 96, height: 96 }],
    ['centimetres', svg('width="2.54cm" height="25.4mm"'), { width: 96, height: 96 }],
    ['viewBox only', svg('viewBox="0 0 640 480"'), { width: 640, height: 480 }],
    ['viewBox with commas and offsets', svg('viewBox="-10,-10,20,10"'), { width: 20, height: 10 }],
    ['width and viewBox', svg('width="200" viewBox="0 0 100 50"'), { width: 200, height: 100 }],
    ['height and viewBox', svg('height="200" viewBox="0 0 100 50"'), { width: 400, height: 200 }],
    ['percentages with a viewBox', svg('width="100%" height="100%" viewBox="0 0 30 10"'), { width: 30, height: 10 }],
    ['nothing at all', svg(''), SVG_DEFAULT_SIZE],
    ['only a width', svg('width="500"'), { width: 500, height: 150 }],
    ['a zero viewBox', svg('viewBox="0 0 0 0"'), SVG_DEFAULT_SIZE],
    ['a prolog, comment and doctype with an internal subset first', `<?xml version="1.0"?><!-- x --><!DOCTYPE svg [ <!ENTITY a "b"> ]>\n${svg('width="64" height="32"')}`, { width: 64, height: 32 }],
    ['a namespace prefix', '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="10" height="20"/>', { width: 10, height: 20 }],
    ['attributes in capitals (viewBox is case-sensitive in XML, but people write VIEWBOX)', svg('VIEWBOX="0 0 8 4"'), { width: 8, height: 4 }],
  ])('reads %s', (_name, text, expected) => {
    const size = svgIntrinsicSize(text);
    expect(size.width).toBeCloseTo(expected.width, 6);
    expect(size.height).toBeCloseTo(expected.height, 6);
  });

  it('ignores a width on a child element', () => {
    expect(svgIntrinsicSize('<svg xmlns="http://www.w3.org/2000/svg"><rect width="900" height="900"/></svg>')).toEqual(SVG_DEFAULT_SIZE);
  });
});

describe('svgRasterSize', () => {
  const limits = { maxPixels: 2_000_000, maxSide: 8192 };

  it.each([
    ['a 24 px icon', { width: 24, height: 24 }, { width: 1024, height: 1024 }],
    ['a wide 100×50 logo', { width: 100, height: 50 }, { width: 1024, height: 512 }],
    ['a tall default-sized drawing', { width: 150, height: 300 }, { width: 512, height: 1024 }],
    ['a drawing already between the floor and the cap', { width: 1500, height: 1000 }, { width: 1500, height: 1000 }],
    ['a huge poster (scaled down to the pixel cap)', { width: 10_000, height: 5_000 }, { width: 2000, height: 1000 }],
    ['a very thin rule', { width: 4000, height: 1 }, { width: 4000, height: 1 }],
  ])('draws %s at a sensible size', (_name, intrinsic, expected) => {
    expect(svgRasterSize(intrinsic, limits)).toEqual(expected);
  });

  it('keeps within a smaller pixel cap than the 1024 px floor needs', () => {
    const size = svgRasterSize({ width: 16, height: 16 }, { maxPixels: 250_000, maxSide: 8192 });
    expect(size).toEqual({ width: 500, height: 500 });
  });
});

describe('svg parsing helpers', () => {
  it.each([
    ['12', 12],
    ['12.5px', 12.5],
    ['1e2', 100],
    ['2em', 32],
    ['50%', undefined],
    ['auto', undefined],
    ['-5', undefined],
    ['0', undefined],
    [undefined, undefined],
  ])('parses the length %s', (value, expected) => {
    expect(parseSvgLength(value)).toBe(expected);
  });

  it('rejects a viewBox without four numbers', () => {
    expect(parseViewBox('0 0 10')).toBeUndefined();
    expect(parseViewBox('0 0 a 10')).toBeUndefined();
  });

  it('finds no root in text that is not SVG', () => {
    expect(readSvgRootAttributes('<html><svg width="1"></svg></html>')).toBeNull();
  });
});
