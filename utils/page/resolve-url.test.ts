import { describe, expect, it } from 'vitest';
import { dedupeByUrl, resolveUrl } from './resolve-url';

const base = 'https://shop.example/products/shoes.html';

describe('resolveUrl', () => {
  it.each([
    ['img/a.png', 'https://shop.example/products/img/a.png'],
    ['/a.png', 'https://shop.example/a.png'],
    ['//cdn.example/a.png', 'https://cdn.example/a.png'],
    ['  https://cdn.example/a b.png ', 'https://cdn.example/a%20b.png'],
    ['data:image/png;base64,AAAA', 'data:image/png;base64,AAAA'],
    ['blob:https://shop.example/1234', 'blob:https://shop.example/1234'],
    ['javascript:alert(1)', undefined],
    ['about:blank', undefined],
    ['http://[bad', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (raw, expected) => {
    expect(resolveUrl(raw, base)).toBe(expected);
  });
});

describe('dedupeByUrl', () => {
  it('keeps the first item of each URL in order', () => {
    const items = [{ url: 'a', n: 1 }, { url: 'b', n: 2 }, { url: 'a', n: 3 }, { url: 'c', n: 4 }, { url: 'b', n: 5 }];
    expect(dedupeByUrl(items).map((item) => item.n)).toEqual([1, 2, 4]);
  });
});
