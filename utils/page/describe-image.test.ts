// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { describeImageElement } from './describe-image';
import { PageImageTarget } from './image-target';
import { stubElementsFromPoint, stubLoaded, stubRect } from './testing/stub-layout';

const BASE = 'http://localhost:3000/';
const byId = (id: string) => document.getElementById(id)!;

/** Describes the element and checks the result passes the schema the background parses it with. */
function describeChecked(element: Element) {
  return PageImageTarget.parse(describeImageElement(element));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('describeImageElement', () => {
  it('describes a srcset image: largest source first, clipped rectangle, file size, partly visible', () => {
    document.body.innerHTML = '<img id="x" src="s.jpg" srcset="s.jpg 200w, l.jpg 2000w">';
    const img = byId('x') as HTMLImageElement;
    stubLoaded(img, 200, 100, `${BASE}s.jpg`);
    stubRect(img, -20, 700, 400, 200);
    stubElementsFromPoint(document, () => [img, document.body]);
    expect(describeChecked(img)).toEqual({
      element: 'img',
      candidates: [
        { url: `${BASE}l.jpg`, reason: 'srcset', width: 2000, height: 1000 },
        { url: `${BASE}s.jpg`, reason: 'srcset', width: 200, height: 100 },
      ],
      rect: { x: 0, y: 700, width: 380, height: 68 },
      viewport: { width: 1024, height: 768 },
      natural: { width: 200, height: 100 },
      fullyVisible: false,
    });
  });

  it('describes the img of a <picture> when given the picture', () => {
    document.body.innerHTML = '<picture id="p"><source type="image/webp" srcset="a.webp"><img src="a.jpg"></picture>';
    expect(describeChecked(byId('p')).candidates.map((c) => c.url)).toEqual([`${BASE}a.webp`, `${BASE}a.jpg`]);
  });

  it('describes a CSS background by its top image layer, fully visible', () => {
    document.body.innerHTML = '<div id="x" style="background-image: linear-gradient(red, blue), url(/hero.jpg), url(/pattern.png)"></div>';
    const div = byId('x');
    stubRect(div, 0, 0, 1000, 300);
    stubElementsFromPoint(document, () => [div, document.body]);
    const target = describeChecked(div);
    expect(target).toMatchObject({ element: 'background', candidates: [{ url: `${BASE}hero.jpg`, reason: 'background' }], fullyVisible: true });
    expect(target.natural).toBeUndefined();
  });

  it('describes an svg by its outermost element, with no address to fetch', () => {
    document.body.innerHTML = '<svg id="x" width="120" height="80"><circle id="c" r="10"/></svg>';
    stubRect(byId('x'), 10, 10, 120, 80);
    expect(describeChecked(byId('c'))).toMatchObject({ element: 'svg', candidates: [], rect: { x: 10, y: 10, width: 120, height: 80 } });
  });

  it('gives a canvas its bitmap size', () => {
    document.body.innerHTML = '<canvas id="x" width="640" height="360"></canvas>';
    expect(describeChecked(byId('x'))).toMatchObject({ element: 'canvas', candidates: [], natural: { width: 640, height: 360 } });
  });

  it('gives a playing video its frame size, and a video without a frame yet its poster', () => {
    document.body.innerHTML = '<video id="x" poster="/poster.jpg"></video>';
    const video = byId('x') as HTMLVideoElement;
    expect(describeChecked(video).candidates).toEqual([{ url: `${BASE}poster.jpg`, reason: 'src' }]);
    Object.defineProperty(video, 'readyState', { value: 4 });
    Object.defineProperty(video, 'videoWidth', { value: 1280 });
    Object.defineProperty(video, 'videoHeight', { value: 720 });
    expect(describeChecked(video)).toMatchObject({ element: 'video', candidates: [], natural: { width: 1280, height: 720 } });
  });

  it('describes an element without a picture as a background with nothing to fetch', () => {
    document.body.innerHTML = '<p id="x">text</p>';
    stubRect(byId('x'), 0, 0, 100, 20);
    expect(describeChecked(byId('x'))).toMatchObject({ element: 'background', candidates: [] });
  });

  it('gives no natural size for a lazy image still showing its 1×1 stand-in', () => {
    const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
    document.body.innerHTML = `<img id="x" src="${gif}" data-src="/real.jpg">`;
    stubLoaded(byId('x') as HTMLImageElement, 1, 1, gif);
    const target = describeChecked(byId('x'));
    expect(target.candidates).toEqual([{ url: `${BASE}real.jpg`, reason: 'lazy' }]);
    expect(target.natural).toBeUndefined();
  });

  it('passes the size cap on to the ranking', () => {
    document.body.innerHTML = '<img id="x" src="s.jpg" srcset="m.jpg 1000w, l.jpg 3000w">';
    const img = byId('x') as HTMLImageElement;
    stubLoaded(img, 1000, 1000, `${BASE}m.jpg`);
    expect(describeImageElement(img, { maxPixels: 500_000 }).candidates[0]?.url).toBe(`${BASE}m.jpg`);
    expect(describeImageElement(img).candidates[0]?.url).toBe(`${BASE}l.jpg`);
  });
});
