// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { backgroundUrlsOf, imageKindOf, isOwnUi, pictureElementOf } from './image-kind';
import { stubPseudoBackground } from './testing/stub-layout';

afterEach(() => {
  document.body.innerHTML = '';
});

const byId = (id: string) => document.getElementById(id)!;

describe('pictureElementOf', () => {
  it('gives the outermost svg for a shape inside nested svgs', () => {
    document.body.innerHTML = '<svg id="outer"><g><svg id="inner"><path id="p" d="M0 0"/></svg></g></svg>';
    expect(pictureElementOf(byId('p')).id).toBe('outer');
    expect(pictureElementOf(byId('inner')).id).toBe('outer');
  });

  it('gives the img of a picture, and other elements unchanged', () => {
    document.body.innerHTML = '<picture id="pic"><source srcset="a.webp"><img id="img"></picture><div id="d"></div>';
    expect(pictureElementOf(byId('pic')).id).toBe('img');
    expect(pictureElementOf(byId('d')).id).toBe('d');
  });
});

describe('imageKindOf', () => {
  it.each([
    ['<img id="x" src="a.png">', 'img'],
    ['<canvas id="x"></canvas>', 'canvas'],
    ['<video id="x"></video>', 'video'],
    ['<svg id="x"></svg>', 'svg'],
    ['<div id="x" style="background-image: url(a.png)"></div>', 'background'],
    ['<div id="x" style="background: linear-gradient(red, blue)"></div>', undefined],
    ['<div id="x">text</div>', undefined],
  ])('%s → %s', (html, kind) => {
    document.body.innerHTML = html;
    expect(imageKindOf(byId('x'), window)).toBe(kind);
  });

  it('sees a background drawn on ::before', () => {
    document.body.innerHTML = '<div id="x"></div>';
    stubPseudoBackground(window, byId('x'), '::before', 'url("https://example.com/hero.jpg")');
    expect(imageKindOf(byId('x'), window)).toBe('background');
    expect(backgroundUrlsOf(byId('x'), window)).toEqual(['https://example.com/hero.jpg']);
  });
});

describe('isOwnUi', () => {
  it('recognises the extension’s kontext-* hosts only', () => {
    document.body.innerHTML = '<kontext-picker id="a"></kontext-picker><konte-xt id="b"></konte-xt>';
    expect([isOwnUi(byId('a')), isOwnUi(byId('b'))]).toEqual([true, false]);
  });
});
