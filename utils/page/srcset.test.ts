import { describe, expect, it } from 'vitest';
import { parseSrcset } from './srcset';

describe('parseSrcset', () => {
  it.each([
    ['a.jpg 200w, b.jpg 2000w', [{ url: 'a.jpg', width: 200 }, { url: 'b.jpg', width: 2000 }]],
    ['a.jpg, a@2x.jpg 2x', [{ url: 'a.jpg', density: 1 }, { url: 'a@2x.jpg', density: 2 }]],
    ['  a.jpg   1.5x  ,\n b.jpg 3x ', [{ url: 'a.jpg', density: 1.5 }, { url: 'b.jpg', density: 3 }]],
    ['https://cdn.example/w_400,h_300/cat.jpg 400w, https://cdn.example/w_800,h_600/cat.jpg 800w',
      [{ url: 'https://cdn.example/w_400,h_300/cat.jpg', width: 400 }, { url: 'https://cdn.example/w_800,h_600/cat.jpg', width: 800 }]],
    ['a.jpg,b.jpg 2x', [{ url: 'a.jpg,b.jpg', density: 2 }]],
    ['a.jpg,, b.jpg 2x', [{ url: 'a.jpg', density: 1 }, { url: 'b.jpg', density: 2 }]],
    ['a.jpg 300w 200h, b.jpg 600w', [{ url: 'a.jpg', width: 300 }, { url: 'b.jpg', width: 600 }]],
    ['data:image/gif;base64,R0lGODlhAQABAAAAACw= 1x', [{ url: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', density: 1 }]],
    ['', []],
    [' , , ', []],
  ])('reads %j', (value, expected) => {
    expect(parseSrcset(value)).toEqual(expected);
  });

  it.each([
    ['a.jpg 0w, b.jpg 400w', ['b.jpg']],
    ['a.jpg 12.5w, b.jpg 400w', ['b.jpg']],
    ['a.jpg 2x 400w, b.jpg 1x', ['b.jpg']],
    ['a.jpg big, b.jpg 1x', ['b.jpg']],
    ['a.jpg -1x, b.jpg 1x', ['b.jpg']],
  ])('drops only the candidate with a broken descriptor in %j', (value, urls) => {
    expect(parseSrcset(value).map((entry) => entry.url)).toEqual(urls);
  });
});
