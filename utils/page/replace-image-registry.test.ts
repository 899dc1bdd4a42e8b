// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PICTURE_GONE, rememberTarget, replaceOnPage, replacementRegistry, restoreOnPage, type ReplaceDeps } from './replace-image-registry';
import { stubLoaded } from './testing/stub-layout';

const BASE = 'http://localhost:3000/';
// A 1×1 PNG.
const DATA_URI = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let registry: ReturnType<typeof replacementRegistry>;
let deps: ReplaceDeps & { created: string[]; revoked: string[] };

beforeEach(() => {
  registry = replacementRegistry({});
  const created: string[] = [];
  const revoked: string[] = [];
  deps = {
    doc: document,
    created,
    revoked,
    createObjectUrl: () => {
      created.push(`blob:${BASE}result-${created.length + 1}`);
      return created[created.length - 1]!;
    },
    revokeObjectUrl: (url) => void revoked.push(url),
    loadTimeoutMs: 5,
  };
});

afterEach(() => {
  document.body.innerHTML = '';
});

function img(id: string): HTMLImageElement {
  return document.getElementById(id) as HTMLImageElement;
}

describe('replaceOnPage', () => {
  it('replaces the element of the menu click token, even when another image has the same address', async () => {
    document.body.innerHTML = '<img id="first" src="a.png"><img id="clicked" src="a.png">';
    rememberTarget('t1', img('clicked'), registry);
    expect(await replaceOnPage({ jobId: 'j1', dataUri: DATA_URI, token: 't1', srcUrl: `${BASE}a.png` }, deps, registry)).toEqual({ ok: true });
    expect(img('clicked').getAttribute('src')).toBe(deps.created[0]);
    expect(img('first').getAttribute('src')).toBe('a.png');
  });

  it('finds the picture by its address when the token is unknown (the script came back after a reload)', async () => {
    document.body.innerHTML = '<img id="other" src="b.png"><img id="hit" src="small.png" srcset="small.png 1x, big.png 2x">';
    expect(await replaceOnPage({ jobId: 'j1', dataUri: DATA_URI, token: 'lost', srcUrl: `${BASE}big.png` }, deps, registry)).toEqual({ ok: true });
    expect(img('hit').getAttribute('src')).toBe(deps.created[0]);
  });

  it('says the picture is gone when nothing on the page matches', async () => {
    document.body.innerHTML = '<img src="b.png">';
    expect(await replaceOnPage({ jobId: 'j1', dataUri: DATA_URI, srcUrl: `${BASE}a.png` }, deps, registry)).toEqual({ ok: false, message: PICTURE_GONE });
    expect(deps.created).toEqual([]);
  });

  it('a second result on the same picture saves the page original, not the first result', async () => {
    document.body.innerHTML = '<img id="hit" src="a.png" srcset="a.png 1x">';
    rememberTarget('t1', img('hit'), registry);
    await replaceOnPage({ jobId: 'j1', dataUri: DATA_URI, token: 't1' }, deps, registry);
    await replaceOnPage({ jobId: 'j2', dataUri: DATA_URI, token: 't1' }, deps, registry);
    expect(img('hit').getAttribute('src')).toBe(deps.created[1]);
    expect(deps.revoked).toEqual([deps.created[0]]);
    restoreOnPage('j2', deps, registry);
    expect(img('hit').outerHTML).toBe('<img id="hit" src="a.png" srcset="a.png 1x">');
  });

  it('replacing the same job again keeps one replacement', async () => {
    document.body.innerHTML = '<img id="hit" src="a.png">';
    await replaceOnPage({ jobId: 'j1', dataUri: DATA_URI, srcUrl: `${BASE}a.png` }, deps, registry);
    // The element now shows a blob: URL, found again through the job's own replacement.
    expect(await replaceOnPage({ jobId: 'j1', dataUri: DATA_URI, srcUrl: `${BASE}a.png` }, deps, registry)).toEqual({ ok: true });
    expect(registry.byJob.size).toBe(1);
    restoreOnPage('j1', deps, registry);
    expect(img('hit').outerHTML).toBe('<img id="hit" src="a.png">');
    expect(deps.revoked).toEqual(deps.created);
  });

  it('puts the original back and says so when the page refuses to show the result', async () => {
    document.body.innerHTML = '<img id="hit" src="a.png">';
    // Not decoded: only the load and error events tell (happy-dom would decode the data: URI at once).
    stubLoaded(img('hit'), 0, 0);
    const replacing = replaceOnPage({ jobId: 'j1', dataUri: DATA_URI, srcUrl: `${BASE}a.png` }, { ...deps, loadTimeoutMs: 10_000 }, registry);
    await vi.waitFor(() => expect(img('hit').getAttribute('src')).toMatch(/^blob:/));
    img('hit').dispatchEvent(new Event('error'));
    // Then the same bytes as a data: URI, refused too.
    await vi.waitFor(() => expect(img('hit').getAttribute('src')).toBe(DATA_URI));
    img('hit').dispatchEvent(new Event('error'));
    expect(await replacing).toEqual({ ok: false, message: expect.stringMatching(/does not allow/) });
    expect(img('hit').outerHTML).toBe('<img id="hit" src="a.png">');
    expect(registry.byJob.size).toBe(0);
  });

  it('shows the result as a data: URI when the page refuses its blob: URL', async () => {
    document.body.innerHTML = '<img id="hit" src="a.png">';
    // Not decoded: only the load and error events tell (happy-dom would decode the data: URI at once).
    stubLoaded(img('hit'), 0, 0);
    const replacing = replaceOnPage({ jobId: 'j1', dataUri: DATA_URI, srcUrl: `${BASE}a.png` }, { ...deps, loadTimeoutMs: 10_000 }, registry);
    await vi.waitFor(() => expect(img('hit').getAttribute('src')).toMatch(/^blob:/));
    img('hit').dispatchEvent(new Event('error'));
    await vi.waitFor(() => expect(img('hit').getAttribute('src')).toBe(DATA_URI));
    img('hit').dispatchEvent(new Event('load'));
    expect(await replacing).toEqual({ ok: true });
    restoreOnPage('j1', deps, registry);
    expect(img('hit').outerHTML).toBe('<img id="hit" src="a.png">');
  });

  it('refuses a canvas with its reason and keeps no blob URL', async () => {
    document.body.innerHTML = '<canvas id="c"></canvas>';
    rememberTarget('t1', document.getElementById('c')!, registry);
    const reply = await replaceOnPage({ jobId: 'j1', dataUri: DATA_URI, token: 't1' }, deps, registry);
    expect(reply).toEqual({ ok: false, message: expect.stringMatching(/canvas/) });
    expect(deps.revoked).toEqual(deps.created);
  });

  it('measures a background drawn at its own size so the result keeps that size', async () => {
    document.body.innerHTML = '<div id="bg" style="background-image: url(hero.jpg)"></div>';
    rememberTarget('t1', document.getElementById('bg')!, registry);
    const measure = vi.fn(async () => ({ width: 40, height: 30 }));
    await replaceOnPage({ jobId: 'j1', dataUri: DATA_URI, token: 't1' }, { ...deps, measure }, registry);
    expect(measure).toHaveBeenCalledWith(expect.stringContaining('hero.jpg'));
    expect(document.getElementById('bg')!.style.getPropertyValue('background-size')).toBe('40px 30px');
  });

  it('refuses bytes that are not an image', async () => {
    document.body.innerHTML = '<img id="hit" src="a.png">';
    const reply = await replaceOnPage({ jobId: 'j1', dataUri: 'data:text/html,<b>hi</b>', srcUrl: `${BASE}a.png` }, deps, registry);
    expect(reply.ok).toBe(false);
    expect(img('hit').getAttribute('src')).toBe('a.png');
  });
});

describe('restoreOnPage', () => {
  it('is a success with nothing to restore (the page was reloaded since)', () => {
    expect(restoreOnPage('never', deps, registry)).toEqual({ ok: true });
  });

  it('lives on the global, shared by every injection of the script', () => {
    const globals = {};
    expect(replacementRegistry(globals)).toBe(replacementRegistry(globals));
    expect(replacementRegistry(globals)).not.toBe(registry);
  });
});
