import { describe, expect, it } from 'vitest';
import { PLACEMENT_MARGIN as M, placeNear } from './place-near';

const size = { width: 300, height: 200 };
const viewport = { width: 1000, height: 700 };

describe('placeNear', () => {
  it('puts the dialog to the right of the image when there is room', () => {
    expect(placeNear({ left: 50, top: 100, width: 200, height: 150 }, size, viewport)).toEqual({ left: 50 + 200 + M, top: 100 });
  });

  it('puts it to the left when the image hugs the right edge', () => {
    expect(placeNear({ left: 600, top: 100, width: 380, height: 150 }, size, viewport)).toEqual({ left: 600 - M - 300, top: 100 });
  });

  it('overlaps a full-width image rather than leaving the viewport', () => {
    const place = placeNear({ left: 0, top: 40, width: 1000, height: 600 }, size, viewport);
    expect(place.left).toBe(M);
  });

  it('clamps into the viewport when the image is scrolled partly out of view', () => {
    expect(placeNear({ left: 50, top: -400, width: 200, height: 500 }, size, viewport).top).toBe(M);
    expect(placeNear({ left: 50, top: 650, width: 200, height: 500 }, size, viewport).top).toBe(700 - 200 - M);
  });

  it('centres horizontally without an image', () => {
    expect(placeNear(undefined, size, viewport).left).toBe(350);
  });

  it('keeps the margin even when the viewport is smaller than the dialog', () => {
    expect(placeNear(undefined, size, { width: 200, height: 100 })).toEqual({ left: M, top: M });
  });
});
