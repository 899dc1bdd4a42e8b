// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { layoutSize, replacePicture, restorePicture } from './replace-image';
import { stubRect } from './testing/stub-layout';

const RESULT = 'blob:http://localhost:3000/result';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Every attribute of every element in the body, to compare a page before and after. */
function snapshot(): string[][] {
  return [...document.body.querySelectorAll('*')].map((element) =>
    [element.localName, ...[...element.attributes].map((attribute) => `${attribute.name}=${attribute.value}`)]);
}

function replaced(element: Element) {
  const result = replacePicture(element, RESULT);
  if (!result.ok) throw new Error(result.message);
  return result.saved;
}

describe('replacePicture on an <img>', () => {
  it('shows the result at the size the image was laid out, undistorted, without srcset', () => {
    document.body.innerHTML = '<img src="a.png" srcset="a.png 1x, a2.png 2x" sizes="50vw" style="border: 1px solid red">';
    const img = document.querySelector('img')!;
    // The border box: 320×240 inside a 1 px border.
    stubRect(img, 0, 0, 322, 242);
    replaced(img);
    expect(img.getAttribute('src')).toBe(RESULT);
    expect(img.getAttribute('srcset')).toBe('');
    expect(img.getAttribute('sizes')).toBe('');
    expect(img.style.getPropertyValue('width')).toBe('320px');
    expect(img.style.getPropertyValue('height')).toBe('240px');
    expect(img.style.getPropertyPriority('width')).toBe('important');
    expect(img.style.getPropertyValue('object-fit')).toBe('contain');
    expect(img.style.getPropertyValue('border')).toContain('red');
  });

  it('keeps a fit the page chose (a cropped thumbnail stays cropped)', () => {
    document.body.innerHTML = '<img src="a.png" style="object-fit: cover">';
    const img = document.querySelector('img')!;
    stubRect(img, 0, 0, 100, 100);
    replaced(img);
    expect(img.style.getPropertyValue('object-fit')).toBe('cover');
  });

  it('takes the image out of its <picture> sources so the result is the one shown', () => {
    document.body.innerHTML = '<picture><source srcset="a.avif" type="image/avif"><source media="(min-width: 1px)" srcset="wide.jpg"><img src="a.jpg"></picture>';
    replaced(document.querySelector('img')!);
    expect([...document.querySelectorAll('source')].map((source) => source.getAttribute('srcset'))).toEqual(['', '']);
    expect(document.querySelector('source')!.getAttribute('type')).toBe('image/avif');
  });

  it('accepts the <picture> element itself', () => {
    document.body.innerHTML = '<picture><source srcset="a.avif"><img src="a.jpg"></picture>';
    expect(replaced(document.querySelector('picture')!).element).toBe(document.querySelector('img'));
  });

  it.each([
    ['an image with srcset, sizes and style', '<img src="a.png" srcset="a.png 1x, b.png 2x" sizes="100vw" style="width: 50%; color: red" alt="x">'],
    ['an image with none of them', '<img src="a.png" alt="x">'],
    ['an image without even a src', '<img data-src="lazy.png">'],
    ['a <picture>', '<picture><source srcset="a.avif 1x" type="image/avif"><source srcset=""><img src="a.jpg" srcset="a.jpg 1x"></picture>'],
  ])('restores %s exactly, absent attributes absent', (_name, html) => {
    document.body.innerHTML = html;
    const before = snapshot();
    const img = document.querySelector('img')!;
    stubRect(img, 0, 0, 200, 100);
    const saved = replaced(img);
    expect(snapshot()).not.toEqual(before);
    restorePicture(saved);
    expect(snapshot()).toEqual(before);
  });

  it('restores what it saved even after the page changed the image meanwhile', () => {
    document.body.innerHTML = '<img src="a.png" srcset="a.png 1x, b.png 2x">';
    const before = snapshot();
    const img = document.querySelector('img')!;
    const saved = replaced(img);
    img.setAttribute('src', 'page-swapped.png');
    img.setAttribute('style', 'opacity: 0.5');
    restorePicture(saved);
    expect(snapshot()).toEqual(before);
  });
});

describe('replacePicture on a CSS background', () => {
  it('swaps the picture layer and keeps the other layers', () => {
    document.body.innerHTML = '<div style="background-image: linear-gradient(red, blue), url(hero.jpg); color: red"></div>';
    const div = document.querySelector('div')!;
    const saved = replaced(div);
    expect(saved.kind).toBe('background');
    const value = div.style.getPropertyValue('background-image');
    expect(value).toContain('linear-gradient');
    expect(value).toContain(RESULT);
    expect(value).not.toContain('hero.jpg');
  });

  it('draws the result at the original picture size when the page drew it at its own size', () => {
    document.body.innerHTML = '<div style="background-image: url(hero.jpg)"></div>';
    const div = document.querySelector('div')!;
    const result = replacePicture(div, RESULT, { originalSize: { width: 300, height: 200 } });
    expect(result.ok).toBe(true);
    expect(div.style.getPropertyValue('background-size')).toBe('300px 200px');
  });

  it('leaves a page-chosen background size alone', () => {
    document.body.innerHTML = '<div style="background-image: url(hero.jpg); background-size: cover"></div>';
    const div = document.querySelector('div')!;
    replacePicture(div, RESULT, { originalSize: { width: 300, height: 200 } });
    expect(div.style.getPropertyValue('background-size')).toBe('cover');
  });

  it('restores the style attribute exactly', () => {
    document.body.innerHTML = '<div style="background-image: url(hero.jpg); color: red"></div><p style="background: url(x.png)">';
    const before = snapshot();
    restorePicture(replaced(document.querySelector('div')!));
    restorePicture(replaced(document.querySelector('p')!));
    expect(snapshot()).toEqual(before);
  });
});

describe('replacePicture refuses what it cannot replace', () => {
  it.each([
    ['<canvas></canvas>', 'canvas'],
    ['<video poster="p.jpg"></video>', 'video'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>', 'SVG'],
    ['<div>text only</div>', 'no picture'],
  ])('%s, saying why in a sentence', (html, words) => {
    document.body.innerHTML = html;
    const before = snapshot();
    const result = replacePicture(document.body.firstElementChild!, RESULT);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(new RegExp(`${words}.*\\.$`));
    expect(snapshot()).toEqual(before);
  });
});

describe('layoutSize', () => {
  it('subtracts padding and border from the box of a content-box image', () => {
    document.body.innerHTML = '<img style="padding: 5px; border: 2px solid black">';
    const img = document.querySelector('img')!;
    stubRect(img, 0, 0, 114, 64);
    const size = layoutSize(img, window);
    // happy-dom may resolve the width itself; either way the content box is what comes out.
    expect(size === undefined ? undefined : size.width - size.height).toBe(50);
  });

  it('is undefined for an image that is not laid out', () => {
    document.body.innerHTML = '<img style="display: none">';
    expect(layoutSize(document.querySelector('img')!, window)).toBeUndefined();
  });
});
