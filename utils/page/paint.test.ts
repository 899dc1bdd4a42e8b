// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { colorAlpha, paintsOver } from './paint';

describe('colorAlpha', () => {
  it.each([
    ['transparent', 0],
    ['rgba(0, 0, 0, 0)', 0],
    ['rgba(255, 255, 255, 0.5)', 0.5],
    ['rgb(10 20 30 / 25%)', 0.25],
    ['rgb(10, 20, 30)', 1],
    ['hsla(120, 50%, 50%, 0.1)', 0.1],
    ['color(srgb 1 0 0)', 1],
    ['', 0],
  ])('%s → %s', (value, alpha) => {
    expect(colorAlpha(value)).toBeCloseTo(alpha);
  });
});

describe('paintsOver', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    ['<a id="x" href="#"></a>', false],
    ['<div id="x" style="background: rgba(0,0,0,0)"></div>', false],
    ['<div id="x" style="background-color: rgb(255, 255, 255)"></div>', true],
    ['<div id="x" style="background-color: white; opacity: 0"></div>', false],
    ['<div id="x" style="background-image: url(cover.png)"></div>', true],
    ['<img id="x" src="badge.png">', true],
    ['<embed id="x">', true],
    ['<div id="x" style="background-image: linear-gradient(black, transparent)"></div>', true],
  ])('%s → %s', (html, expected) => {
    document.body.innerHTML = html;
    expect(paintsOver(document.getElementById('x')!, window)).toBe(expected);
  });
});
