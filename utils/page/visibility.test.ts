// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { clipToViewport, isFullyVisible, samplePoints } from './visibility';
import { stubElementsFromPoint } from './testing/stub-layout';

const VIEWPORT = { width: 1000, height: 800 };

describe('clipToViewport', () => {
  it.each([
    [{ x: 10, y: 20, width: 100, height: 50 }, { x: 10, y: 20, width: 100, height: 50 }],
    [{ x: -50, y: 700, width: 200, height: 300 }, { x: 0, y: 700, width: 150, height: 100 }],
    [{ x: 900, y: -10, width: 300, height: 20 }, { x: 900, y: 0, width: 100, height: 10 }],
    [{ x: 0, y: 900, width: 100, height: 100 }, { x: 0, y: 900, width: 100, height: 0 }],
  ])('%j → %j', (rect, expected) => {
    expect(clipToViewport(rect, VIEWPORT)).toEqual(expected);
  });
});

describe('samplePoints', () => {
  it('spreads nine points inside the rectangle, and none over an empty one', () => {
    const points = samplePoints({ x: 100, y: 200, width: 100, height: 10 });
    expect(points).toHaveLength(9);
    expect(points).toContainEqual({ x: 150, y: 205 });
    expect(points.every((p) => p.x > 100 && p.x < 200 && p.y > 200 && p.y < 210)).toBe(true);
    expect(samplePoints({ x: 0, y: 0, width: 0, height: 10 })).toEqual([]);
  });
});

describe('isFullyVisible', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function page(overlay: string) {
    document.body.innerHTML = `<div id="card"><img id="photo" src="a.png">${overlay}</div><kontext-prompt id="ours"></kontext-prompt>`;
    const photo = document.getElementById('photo')!;
    const card = document.getElementById('card')!;
    const cover = document.getElementById('cover');
    const ours = document.getElementById('ours')!;
    // The overlay (when there is one) is hit over the right half of the photo only.
    stubElementsFromPoint(document, (x) => [ours, ...(cover && x > 150 ? [cover] : []), photo, card, document.body, document.documentElement]);
    return photo;
  }
  const rect = { x: 100, y: 100, width: 100, height: 100 };

  it('is true for a photo inside the viewport with nothing over it but the extension’s own UI', () => {
    expect(isFullyVisible(page(''), rect, VIEWPORT)).toBe(true);
  });

  it('ignores a transparent overlay', () => {
    expect(isFullyVisible(page('<a id="cover" href="#"></a>'), rect, VIEWPORT)).toBe(true);
  });

  it('is false when an opaque banner covers part of it', () => {
    expect(isFullyVisible(page('<div id="cover" style="background: white"></div>'), rect, VIEWPORT)).toBe(false);
  });

  it('is false when part of it is scrolled out of the viewport', () => {
    expect(isFullyVisible(page(''), { ...rect, y: 750 }, VIEWPORT)).toBe(false);
  });

  it('does not count as covering a painted element that lies beneath the photo', () => {
    const photo = page('');
    const under = document.createElement('div');
    under.style.background = 'black';
    document.body.append(under);
    stubElementsFromPoint(document, () => [photo, under, document.body]);
    expect(isFullyVisible(photo, rect, VIEWPORT)).toBe(true);
  });
});
