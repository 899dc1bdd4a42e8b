import { describe, expect, it } from 'vitest';
import { rankBySize, type SizedSource } from './rank-candidates';

const MAX = 3_000_000;
/** A candidate named by its size, e.g. `1000x750`, `?x2` for an `x` candidate of unknown size; `#tag` tells equal sizes apart. */
function source(name: string): SizedSource {
  const [width, height] = name.split('#')[0]!.split('x');
  if (width === '?') return { url: name, reason: 'srcset', density: Number(height) };
  return { url: name, reason: 'srcset', width: Number(width), height: Number(height) };
}

describe('rankBySize', () => {
  it.each([
    ['the largest when all are under the cap', ['200x150', '1600x1200', '800x600'], ['1600x1200', '800x600', '200x150']],
    ['the smallest at least as large as the cap', ['800x600', '8000x6000', '2000x1500', '4000x3000'], ['2000x1500', '4000x3000', '8000x6000', '800x600']],
    ['exactly the cap', ['3000x1000', '6000x2000', '1000x1000'], ['3000x1000', '6000x2000', '1000x1000']],
    ['unknown sizes last, densest first', ['?x1', '400x300', '?x3', '?x2'], ['400x300', '?x3', '?x2', '?x1']],
    ['the page order between equal sizes', ['800x600#a', '800x600#b', '800x600#c'], ['800x600#a', '800x600#b', '800x600#c']],
  ])('puts first %s', (_name, names, expected) => {
    const sources = names.map(source);
    expect(rankBySize(sources, MAX).map((s) => s.url)).toEqual(expected);
  });
});
