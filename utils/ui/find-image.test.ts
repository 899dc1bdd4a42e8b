// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findImageBySrc } from './find-image';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findImageBySrc', () => {
  it('finds the image whose resolved src is the menu’s srcUrl', () => {
    document.body.innerHTML = '<img id="a" src="https://example.com/a.png"><img id="b" src="https://example.com/b.png">';
    expect(findImageBySrc(document, 'https://example.com/b.png')?.id).toBe('b');
  });

  it('returns undefined when no image has that source', () => {
    document.body.innerHTML = '<img src="https://example.com/a.png">';
    expect(findImageBySrc(document, 'https://example.com/zzz.png')).toBeUndefined();
  });
});
