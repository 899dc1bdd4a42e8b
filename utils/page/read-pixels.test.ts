// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitPixels, readElementPixels, type PixelReadOptions } from './read-pixels';
import { stubLoaded, stubRect } from './testing/stub-layout';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

/** A canvas factory that records what is drawn, and answers toDataURL like a browser would. */
function fakeCanvases(toDataURL: () => string = () => PNG) {
  const drawn: { source: unknown; width: number; height: number }[] = [];
  const createCanvas = (width: number, height: number) => ({
    width,
    height,
    getContext: () => ({ drawImage: (source: unknown, _x: number, _y: number, w: number, h: number) => drawn.push({ source, width: w, height: h }) }),
    toDataURL,
  }) as unknown as HTMLCanvasElement;
  return { drawn, createCanvas };
}

const securityError = () => {
  throw Object.assign(new Error('The canvas has been tainted by cross-origin data.'), { name: 'SecurityError' });
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('fitPixels', () => {
  it.each([
    [800, 600, 3_000_000, { width: 800, height: 600 }],
    [8000, 6000, 3_000_000, { width: 2000, height: 1500 }],
    [10000, 1, 100, { width: 100, height: 1 }],
  ])('%i×%i under %i → %j', (width, height, max, expected) => {
    expect(fitPixels(width, height, max)).toEqual(expected);
  });
});

describe('readElementPixels', () => {
  it('draws a loaded <img> at its file size and returns a PNG data URI', async () => {
    document.body.innerHTML = '<img src="a.png" srcset="a@2x.png 2x">';
    const img = document.querySelector('img')!;
    stubLoaded(img, 300, 200, 'http://localhost:3000/a@2x.png');
    const canvases = fakeCanvases();
    expect(await readElementPixels(img, canvases)).toEqual({ dataUri: PNG, width: 600, height: 400 });
    expect(canvases.drawn).toEqual([{ source: img, width: 600, height: 400 }]);
  });

  it('scales a huge image down to the pixel cap while drawing', async () => {
    document.body.innerHTML = '<img src="huge.jpg">';
    stubLoaded(document.querySelector('img')!, 8000, 6000);
    expect(await readElementPixels(document.querySelector('img')!, { ...fakeCanvases(), maxPixels: 3_000_000 })).toMatchObject({ width: 2000, height: 1500 });
  });

  it('reports a tainted canvas instead of throwing', async () => {
    document.body.innerHTML = '<img src="https://other.example/a.jpg">';
    stubLoaded(document.querySelector('img')!, 100, 100);
    const result = await readElementPixels(document.querySelector('img')!, fakeCanvases(securityError));
    expect(result).toMatchObject({ tainted: true });
    expect('error' in result && result.error).toMatch(/another site/);
  });

  it('refuses an image that has not loaded', async () => {
    document.body.innerHTML = '<img src="a.png">';
    const img = document.querySelector('img')!;
    Object.defineProperty(img, 'complete', { value: false });
    expect(await readElementPixels(img, fakeCanvases())).toEqual({ error: 'The image has not finished loading.' });
  });

  it('exports a <canvas> directly, and reports it when tainted', async () => {
    document.body.innerHTML = '<canvas width="320" height="240"></canvas>';
    const canvas = document.querySelector('canvas')!;
    canvas.toDataURL = () => PNG;
    expect(await readElementPixels(canvas, fakeCanvases())).toEqual({ dataUri: PNG, width: 320, height: 240 });
    canvas.toDataURL = securityError;
    expect(await readElementPixels(canvas, fakeCanvases())).toMatchObject({ tainted: true });
  });

  it('draws the current frame of a video, and refuses one with no frame yet', async () => {
    document.body.innerHTML = '<video></video>';
    const video = document.querySelector('video')!;
    const canvases = fakeCanvases();
    expect(await readElementPixels(video, canvases)).toEqual({ error: 'The video has no frame to show yet.' });
    Object.defineProperties(video, { readyState: { value: 2 }, videoWidth: { value: 1280 }, videoHeight: { value: 720 } });
    expect(await readElementPixels(video, canvases)).toEqual({ dataUri: PNG, width: 1280, height: 720 });
  });

  it('rasterises an inline svg from its snapshot, at least 1024 px on the long side', async () => {
    document.body.innerHTML = '<svg width="200" height="100"><rect width="10" height="10"/></svg>';
    stubRect(document.querySelector('svg')!, 0, 0, 200, 100);
    const loaded: string[] = [];
    const loadImage: PixelReadOptions['loadImage'] = async (url) => {
      loaded.push(url);
      return document.createElement('img');
    };
    const result = await readElementPixels(document.querySelector('rect')!, { ...fakeCanvases(), loadImage });
    expect(result).toEqual({ dataUri: PNG, width: 800, height: 400 });
    expect(decodeURIComponent(loaded[0]!)).toMatch(/^data:image\/svg\+xml;charset=utf-8,<svg[^>]* width="200" height="100"/);
  });

  it('falls back to a blob: URL when the page refuses data: images', async () => {
    document.body.innerHTML = '<svg width="100" height="100"></svg>';
    const loadImage = vi.fn(async (url: string) => {
      if (url.startsWith('data:')) throw new Error('blocked by CSP');
      return document.createElement('img');
    });
    expect(await readElementPixels(document.querySelector('svg')!, { ...fakeCanvases(), loadImage })).toMatchObject({ dataUri: PNG });
    expect(loadImage.mock.calls.map(([url]) => url.slice(0, 5))).toEqual(['data:', 'blob:']);
  });

  it('reads a CSS background through an image loaded from its address', async () => {
    document.body.innerHTML = '<div style="background-image: url(/hero.jpg)"></div>';
    const image = document.createElement('img');
    Object.defineProperties(image, { naturalWidth: { value: 1200 }, naturalHeight: { value: 400 } });
    const loadImage = vi.fn(async () => image);
    expect(await readElementPixels(document.querySelector('div')!, { ...fakeCanvases(), loadImage })).toMatchObject({ width: 1200, height: 400 });
    expect(loadImage).toHaveBeenCalledWith('http://localhost:3000/hero.jpg');
  });

  it('says so for an element that shows no picture', async () => {
    document.body.innerHTML = '<p>text</p>';
    expect(await readElementPixels(document.querySelector('p')!, fakeCanvases())).toEqual({ error: 'This element shows no picture that can be read.' });
  });
});
