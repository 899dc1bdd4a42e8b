// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotSvg } from './svg-snapshot';
import { stubRect } from './testing/stub-layout';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** The snapshot parsed back as the standalone document an image loader would see. */
function reparse(markup: string): Document {
  return new DOMParser().parseFromString(markup, 'image/svg+xml');
}

describe('snapshotSvg', () => {
  it('writes the displayed size and the SVG namespace onto the standalone document', () => {
    document.body.innerHTML = '<svg id="s" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
    stubRect(document.getElementById('s')!, 0, 0, 240.4, 120);
    const snapshot = snapshotSvg(document.getElementById('s')!);
    expect(snapshot).toMatchObject({ width: 240, height: 120 });
    const root = reparse(snapshot.markup).documentElement;
    expect([root.namespaceURI, root.getAttribute('width'), root.getAttribute('height')]).toEqual(['http://www.w3.org/2000/svg', '240', '120']);
  });

  it('falls back to the viewBox size when the svg is not laid out', () => {
    document.body.innerHTML = '<svg id="s" viewBox="0 0 64 48"></svg>';
    expect(snapshotSvg(document.getElementById('s')!)).toMatchObject({ width: 64, height: 48 });
  });

  it('inlines the fill a page stylesheet gives a shape', () => {
    document.head.innerHTML = '<style>.brand path { fill: rgb(255, 0, 0); }</style>';
    document.body.innerHTML = '<svg id="s" class="brand"><path id="p" d="M0 0h10v10z"/></svg>';
    const markup = snapshotSvg(document.getElementById('s')!).markup;
    const path = reparse(markup).querySelector('path') as SVGElement;
    expect(path.getAttribute('style')).toContain('fill: rgb(255, 0, 0)');
  });

  it('copies a sprite symbol that lives outside the svg, and what that symbol refers to', () => {
    document.body.innerHTML = `
      <svg style="display:none"><symbol id="icon"><rect fill="url(#grad)" width="5" height="5"/></symbol>
        <linearGradient id="grad"><stop offset="0"/></linearGradient></svg>
      <svg id="s"><use href="#icon"/></svg>`;
    const copy = reparse(snapshotSvg(document.getElementById('s')!).markup);
    expect(copy.querySelector('defs > symbol#icon')).not.toBeNull();
    expect(copy.querySelector('defs > linearGradient#grad')).not.toBeNull();
  });
});
