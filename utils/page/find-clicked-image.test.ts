// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findClickedImage } from './find-clicked-image';
import { stubLoaded, stubRect } from './testing/stub-layout';

const BASE = 'http://localhost:3000/';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findClickedImage', () => {
  it.each([
    ['its src', '<img id="hit" src="/a.png">', 'a.png'],
    ['a srcset candidate', '<img id="hit" src="s.png" srcset="s.png 1x, big.png 2x">', 'big.png'],
    ['a <picture> source', '<picture><source srcset="a.avif 1000w"><img id="hit" src="a.jpg"></picture>', 'a.avif'],
    ['a lazy-load address', '<img id="hit" src="" data-src="real.jpg">', 'real.jpg'],
    ['a video poster', '<video id="hit" poster="poster.jpg"></video>', 'poster.jpg'],
    ['a video source', '<video id="hit"><source src="clip.mp4"></video>', 'clip.mp4'],
    ['a CSS background', '<div id="hit" style="background-image: url(hero.jpg)"></div>', 'hero.jpg'],
  ])('finds the element by %s', (_name, html, url) => {
    document.body.innerHTML = `<img src="/other.png">${html}`;
    expect(findClickedImage(document, `${BASE}${url}`)?.id).toBe('hit');
  });

  it('finds the image by its currentSrc', () => {
    document.body.innerHTML = '<img id="hit" src="s.png">';
    stubLoaded(document.querySelector('img')!, 100, 100, `${BASE}chosen-by-browser.png`);
    expect(findClickedImage(document, `${BASE}chosen-by-browser.png`)?.id).toBe('hit');
  });

  it('prefers the copy inside the viewport over a hidden one and one scrolled away', () => {
    document.body.innerHTML = '<img id="hidden" src="a.png"><img id="below" src="a.png"><img id="shown" src="a.png">';
    stubRect(document.getElementById('below')!, 0, 5000, 100, 100);
    stubRect(document.getElementById('shown')!, 0, 100, 100, 100);
    expect(findClickedImage(document, `${BASE}a.png`)?.id).toBe('shown');
  });

  it('prefers an image to a background with the same address', () => {
    document.body.innerHTML = '<div style="background-image: url(a.png)"></div><img id="hit" src="a.png">';
    expect(findClickedImage(document, `${BASE}a.png`)?.id).toBe('hit');
  });

  it('finds nothing when no element shows the address', () => {
    document.body.innerHTML = '<img src="a.png"><div style="background-image: url(b.png)"></div>';
    expect(findClickedImage(document, `${BASE}zzz.png`)).toBeUndefined();
  });
});
