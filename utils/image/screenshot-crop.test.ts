import { describe, expect, it } from 'vitest';
import { screenshotCrop } from './screenshot-crop';

const viewport = { width: 1000, height: 800 };

describe('screenshotCrop', () => {
  it.each([
    ['at device pixel ratio 1', { x: 100, y: 50, width: 200, height: 100 }, { width: 1000, height: 800 }, { x: 100, y: 50, width: 200, height: 100 }],
    ['at device pixel ratio 2 (or 200 % zoom)', { x: 100, y: 50, width: 200, height: 100 }, { width: 2000, height: 1600 }, { x: 200, y: 100, width: 400, height: 200 }],
    ['at a fractional ratio, rounding to whole pixels', { x: 10.4, y: 10.6, width: 100, height: 50 }, { width: 1250, height: 1000 }, { x: 13, y: 13, width: 125, height: 63 }],
    ['clipped where it leaves the screenshot', { x: 900, y: 700, width: 300, height: 300 }, { width: 1000, height: 800 }, { x: 900, y: 700, width: 100, height: 100 }],
    ['clipped above and left of the viewport', { x: -50, y: -20, width: 100, height: 60 }, { width: 1000, height: 800 }, { x: 0, y: 0, width: 50, height: 40 }],
  ])('maps the rectangle %s', (_name, rect, shot, expected) => {
    expect(screenshotCrop({ rect, viewport }, shot)).toEqual(expected);
  });

  it.each([
    ['entirely off screen', { x: 1200, y: 0, width: 100, height: 100 }],
    ['with no area', { x: 10, y: 10, width: 0, height: 100 }],
  ])('finds nothing to crop for a rectangle %s', (_name, rect) => {
    expect(screenshotCrop({ rect, viewport }, { width: 1000, height: 800 })).toBeUndefined();
  });
});
