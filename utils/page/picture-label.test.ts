// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { pictureLabel } from './picture-label';
import { stubLoaded, stubRect } from './testing/stub-layout';

afterEach(() => {
  document.body.innerHTML = '';
});

function labelOf(html: string, prepare: (element: Element) => void = () => undefined): string {
  document.body.innerHTML = html;
  const element = document.getElementById('x')!;
  stubRect(element, 0, 0, 1200.4, 399.6);
  prepare(element);
  return pictureLabel(element);
}

describe('pictureLabel', () => {
  it.each<[string, string, ((element: Element) => void)?]>([
    ['<img id="x" alt="photo" src="a.jpg">', 'photo 800 × 600', (e) => stubLoaded(e as HTMLImageElement, 800, 600)],
    ['<img id="x" alt="" src="/photos/red%20car.jpg">', 'red car.jpg 640 × 480', (e) => stubLoaded(e as HTMLImageElement, 640, 480)],
    ['<img id="x" src="data:image/png;base64,AAAA">', 'image 1200 × 400'],
    [`<img id="x" alt="${'a very long description '.repeat(4)}" src="a.jpg">`, `${'a very long description '.repeat(2).slice(0, 39)}… 1200 × 400`],
    ['<div id="x" style="background-image: url(a.jpg)"></div>', 'background of div 1200 × 400'],
    ['<svg id="x" aria-label="Company logo"></svg>', 'Company logo 1200 × 400'],
    ['<svg id="x"><title>Chart</title></svg>', 'Chart 1200 × 400'],
    ['<svg id="x"></svg>', 'drawing (SVG) 1200 × 400'],
    ['<canvas id="x" width="300" height="150"></canvas>', 'canvas 300 × 150'],
    ['<video id="x"></video>', 'video frame 1920 × 1080', (e) => Object.defineProperties(e, { videoWidth: { value: 1920 }, videoHeight: { value: 1080 } })],
  ])('%s → %s', (html, expected, prepare) => {
    expect(labelOf(html, prepare)).toBe(expected);
  });
});
