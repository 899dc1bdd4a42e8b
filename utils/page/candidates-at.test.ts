// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { imageCandidatesAt } from './candidates-at';
import { stubElementsFromPoint, stubRect } from './testing/stub-layout';

const byId = (id: string) => document.getElementById(id)!;
const ids = (elements: Element[]) => elements.map((element) => element.id);

/** Lays every element with an id out at 100×100 and makes all of them (in document order, reversed: last on top) hit. */
function stack(html: string) {
  document.body.innerHTML = html;
  const all = [...document.body.querySelectorAll('*')];
  for (const element of all) stubRect(element, 0, 0, 100, 100);
  stubElementsFromPoint(document, () => [...all].reverse().filter((element) => element.getRootNode() === document));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('imageCandidatesAt', () => {
  it('lists the pictures under a transparent overlay, top first, and skips what shows none', () => {
    stack(`<div id="hero" style="background-image: url(hero.jpg)">
      <img id="photo" src="a.jpg"><canvas id="chart"></canvas><p id="caption">x</p><a id="overlay" href="#"></a></div>`);
    expect(ids(imageCandidatesAt(document, 50, 50))).toEqual(['chart', 'photo', 'hero']);
  });

  it('gives an svg once, for all its shapes', () => {
    stack('<svg id="logo"><g id="g"><path id="p1" d="M0 0"/><path id="p2" d="M0 0"/></g></svg>');
    expect(ids(imageCandidatesAt(document, 50, 50))).toEqual(['logo']);
  });

  it('skips pictures under 24 px and the extension’s own UI', () => {
    stack('<img id="big" src="a.jpg"><img id="icon" src="i.png"><kontext-picker id="ours" style="background-image: url(x.png)"></kontext-picker>');
    stubRect(byId('icon'), 0, 0, 16, 16);
    expect(ids(imageCandidatesAt(document, 50, 50))).toEqual(['big']);
  });

  it('leaves out what the caller ignores', () => {
    stack('<img id="a" src="a.jpg"><img id="b" src="b.jpg">');
    expect(ids(imageCandidatesAt(document, 50, 50, (element) => element.id === 'b'))).toEqual(['a']);
  });

  it('looks inside open shadow roots, once each', () => {
    stack('<img id="under" src="u.jpg"><gallery-card id="host"></gallery-card>');
    const host = byId('host');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<img id="inner" src="in.jpg">';
    const inner = shadow.getElementById('inner')!;
    stubRect(inner, 0, 0, 300, 200);
    const shadowHits = vi.fn(() => [inner, host, byId('under'), document.body]);
    (shadow as unknown as { elementsFromPoint: typeof shadowHits }).elementsFromPoint = shadowHits;
    expect(ids(imageCandidatesAt(document, 50, 50))).toEqual(['inner', 'under']);
    expect(shadowHits).toHaveBeenCalledTimes(1);
  });
});
