import { describe, expect, it } from 'vitest';
import { backgroundImageUrls } from './css-url';

describe('backgroundImageUrls', () => {
  it.each([
    ['none', []],
    ['url("https://example.com/a.png")', ['https://example.com/a.png']],
    ["url('a b.png')", ['a b.png']],
    ['url(plain.png)', ['plain.png']],
    ['url("https://example.com/a\\"q\\".png")', ['https://example.com/a"q".png']],
    ['url("a\\20 b.png")', ['a b.png']],
    ['linear-gradient(rgba(0, 0, 0, 0.5), transparent), url("photo.jpg")', ['photo.jpg']],
    ['url("top.png"), url("bottom.png")', ['top.png']],
    ['url("https://cdn.example/w_400,h_300/cat.jpg"), url(other.png)', ['https://cdn.example/w_400,h_300/cat.jpg']],
    ['image-set(url("a.png") 1x, url("a@3x.png") 3x, url("a@2x.png") 2x)', ['a@3x.png', 'a@2x.png', 'a.png']],
    ['-webkit-image-set(url(a.png) 1x, url(b.png) 2x)', ['b.png', 'a.png']],
    ['image-set("a.avif" type("image/avif") 2x, "a.jpg" 1x)', ['a.avif', 'a.jpg']],
    ['image-set(url(a.png) 96dpi, url(b.png) 192dpi)', ['b.png', 'a.png']],
    ['image-set(url(a.png), url(b.png) 2dppx)', ['b.png', 'a.png']],
    ['radial-gradient(circle, red, blue)', []],
    ['url("data:image/svg+xml;utf8,<svg xmlns=\'http://www.w3.org/2000/svg\'></svg>")', ["data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'></svg>"]],
  ])('%s', (value, expected) => {
    expect(backgroundImageUrls(value)).toEqual(expected);
  });
});
