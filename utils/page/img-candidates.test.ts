// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { isDecodableType } from './image-types';
import { imgCandidates, type ImgSourceOptions } from './img-candidates';
import { stubLoaded, stubRect } from './testing/stub-layout';

const BASE = 'http://localhost:3000/';
const TRANSPARENT_GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

function options(overrides: Partial<ImgSourceOptions> = {}): ImgSourceOptions {
  return { maxPixels: 3_000_000, matchesMedia: () => true, isTypeSupported: isDecodableType, ...overrides };
}

function image(html: string): HTMLImageElement {
  document.body.innerHTML = html;
  return document.querySelector('img')!;
}

const urlsOf = (img: HTMLImageElement, opts = options()) => imgCandidates(img, opts).map((c) => `${c.reason} ${c.url.replace(BASE, '')}`);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('imgCandidates', () => {
  it('puts the 2000 px srcset candidate before the 200 px src', () => {
    const img = image('<img src="small.jpg" srcset="small.jpg 200w, big.jpg 2000w, mid.jpg 800w" sizes="200px">');
    stubLoaded(img, 200, 150, `${BASE}small.jpg`);
    expect(urlsOf(img)).toEqual(['srcset big.jpg', 'srcset mid.jpg', 'srcset small.jpg']);
    expect(imgCandidates(img, options())[0]).toMatchObject({ width: 2000, height: 1500 });
  });

  it('stops at the first size over the cap instead of the 40 MP original', () => {
    const img = image('<img src="s.jpg" srcset="s.jpg 400w, m.jpg 1600w, l.jpg 2400w, xl.jpg 7700w">');
    stubLoaded(img, 400, 300, `${BASE}s.jpg`);
    expect(urlsOf(img).slice(0, 2)).toEqual(['srcset l.jpg', 'srcset xl.jpg']);
  });

  it('scales x candidates from the natural size at density 1', () => {
    const img = image('<img src="a.jpg" srcset="a.jpg 1x, a@2x.jpg 2x">');
    stubLoaded(img, 500, 250, `${BASE}a.jpg`);
    stubRect(img, 0, 0, 1000, 500);
    expect(imgCandidates(img, options())).toEqual([
      { url: `${BASE}a@2x.jpg`, reason: 'srcset', width: 1000, height: 500 },
      { url: `${BASE}a.jpg`, reason: 'srcset', width: 500, height: 250 },
    ]);
  });

  it('reads x candidates from the laid-out size when the image has not loaded yet', () => {
    const img = image('<img srcset="a.jpg 1x, a@3x.jpg 3x">');
    stubRect(img, 0, 0, 300, 200);
    expect(imgCandidates(img, options())[0]).toEqual({ url: `${BASE}a@3x.jpg`, reason: 'srcset', width: 900, height: 600 });
  });

  it('uses the first <picture> source whose media and type fit, then format alternatives, then the img', () => {
    const img = image(`<picture>
      <source media="(max-width: 600px)" srcset="narrow.jpg 600w">
      <source type="image/jxl" srcset="wide.jxl 2000w">
      <source type="image/avif" srcset="wide.avif 2000w, wide-s.avif 1000w">
      <source type="image/webp" srcset="wide.webp 2000w">
      <img src="wide-s.jpg" srcset="wide.jpg 2000w">
    </picture>`);
    stubLoaded(img, 1000, 500, `${BASE}wide-s.avif`);
    const matchesMedia = (query: string) => query !== '(max-width: 600px)';
    expect(urlsOf(img, options({ matchesMedia }))).toEqual([
      'picture wide.avif', 'picture wide-s.avif', 'picture wide.webp', 'srcset wide.jpg', 'src wide-s.jpg',
    ]);
  });

  it('trusts the <source> the browser chose (currentSrc) over the list of known types', () => {
    const img = image(`<picture>
      <source media="(min-width: 2000px)" srcset="huge.jpg 4000w">
      <source type="image/jxl" srcset="a.jxl 1600w">
      <source type="image/webp" srcset="a.webp 1600w">
      <img src="a.jpg">
    </picture>`);
    stubLoaded(img, 1600, 900, `${BASE}a.jxl`);
    expect(urlsOf(img)).toEqual(['picture a.jxl', 'picture a.webp', 'src a.jpg']);
  });

  it('reads the lazy-load address when src is a transparent GIF, and never offers the GIF', () => {
    const img = image(`<img src="${TRANSPARENT_GIF}" data-src="/photos/real.jpg">`);
    stubLoaded(img, 1, 1, TRANSPARENT_GIF);
    expect(urlsOf(img)).toEqual(['lazy photos/real.jpg']);
  });

  it('prefers the largest data-srcset candidate of a lazy image', () => {
    const img = image('<img data-srcset="a-400.jpg 400w, a-1600.jpg 1600w" data-src="a-400.jpg">');
    stubRect(img, 0, 0, 400, 300);
    expect(urlsOf(img)).toEqual(['lazy a-1600.jpg', 'lazy a-400.jpg']);
    expect(imgCandidates(img, options())[0]).toMatchObject({ width: 1600, height: 1200 });
  });

  it('reads the lazy address before a blurry preview that is stretched four times or more', () => {
    const img = image('<img src="tiny-preview.jpg" data-original="full.jpg">');
    stubLoaded(img, 40, 30, `${BASE}tiny-preview.jpg`);
    stubRect(img, 0, 0, 800, 600);
    expect(urlsOf(img)).toEqual(['lazy full.jpg', 'current tiny-preview.jpg']);
  });

  it('keeps the loaded image first when the lazy loader already swapped it in', () => {
    const img = image('<img src="old.jpg" data-src="other.jpg">');
    stubLoaded(img, 800, 600, `${BASE}old.jpg`);
    stubRect(img, 0, 0, 800, 600);
    expect(urlsOf(img)).toEqual(['current old.jpg', 'lazy other.jpg']);
  });

  it('gives currentSrc the pixel size of the file, undoing the density naturalWidth is divided by', () => {
    const img = image('<img src="a.jpg" srcset="a@2x.jpg 2x">');
    stubLoaded(img, 300, 200, `${BASE}a@2x.jpg`);
    expect(imgCandidates(img, options())[0]).toEqual({ url: `${BASE}a@2x.jpg`, reason: 'srcset', width: 600, height: 400 });
  });

  it('offers nothing for an image with only an empty src', () => {
    expect(imgCandidates(image('<img src="">'), options())).toEqual([]);
  });

  it('resolves against <base href> and lists each address once', () => {
    document.head.innerHTML = '<base href="https://cdn.example/assets/">';
    try {
      const img = image('<img src="a.jpg" srcset="a.jpg 1x">');
      stubLoaded(img, 10, 10, 'https://cdn.example/assets/a.jpg');
      expect(imgCandidates(img, options()).map((c) => c.url)).toEqual(['https://cdn.example/assets/a.jpg']);
    } finally {
      document.head.innerHTML = '';
    }
  });
});
