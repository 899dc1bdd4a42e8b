// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiDouble } from './index';
import { PRO, api, dataUri, fetchImage, patternJpeg, patternPixels, patternPng } from './test-helpers';
import type { ApiDouble } from './types';

let double: ApiDouble;
beforeAll(async () => {
  double = await startApiDouble({ timing: { startingMs: 5, processingMs: 20 } });
});
afterAll(async () => {
  await double.close();
});

async function edit(input: Record<string, unknown>) {
  const { json } = await api(double, PRO, { body: { input }, headers: { prefer: 'wait=10' } });
  return json;
}

const pixel = (data: Uint8Array, width: number, x: number, y: number): number[] =>
  [...data.subarray((y * width + x) * 4, (y * width + x) * 4 + 3)];

describe('output images', () => {
  const png = patternPng(64, 48);
  const source = patternPixels(64, 48);

  it('makes every pixel grey for a black-and-white prompt', async () => {
    const json = await edit({ prompt: 'Make it black and white', input_image: dataUri(png, 'image/png') });
    const out = await fetchImage(json.output as string);
    expect([out.width, out.height, out.type]).toEqual([64, 48, 'image/png']);
    let colourful = 0;
    for (let i = 0; i < out.data.length; i += 4) if (out.data[i] !== out.data[i + 1] || out.data[i + 1] !== out.data[i + 2]) colourful++;
    expect(colourful).toBe(0);
    expect(new Set(out.data.filter((_, i) => i % 4 === 0)).size).toBeGreaterThan(10);
  });

  it('inverts the input for an "invert" prompt', async () => {
    const json = await edit({ prompt: 'invert the colors', input_image: dataUri(png, 'image/png') });
    const out = await fetchImage(json.output as string);
    for (const [x, y] of [[0, 0], [10, 20], [63, 47]] as const) {
      expect(pixel(out.data, 64, x, y)).toEqual(pixel(source, 64, x, y).map((v) => 255 - v));
    }
  });

  it('gives different pictures for different ordinary prompts, and the same for the same one', async () => {
    const image = dataUri(png, 'image/png');
    const [a, b, c] = await Promise.all([edit({ prompt: 'add a hat', input_image: image }), edit({ prompt: 'add a scarf', input_image: image }), edit({ prompt: 'add a hat', input_image: image })]);
    const [ia, ib, ic] = await Promise.all([a, b, c].map((j) => fetchImage(j.output as string)));
    expect(Buffer.from(ia?.data ?? []).equals(Buffer.from(ib?.data ?? []))).toBe(false);
    expect(Buffer.from(ia?.data ?? []).equals(Buffer.from(ic?.data ?? []))).toBe(true);
    expect(Buffer.from(ia?.data ?? []).equals(Buffer.from(source))).toBe(false);
  });

  it('crops to the requested aspect ratio and encodes JPEG when asked', async () => {
    const json = await edit({ prompt: 'sepia', input_image: dataUri(patternJpeg(64, 48), 'image/jpeg'), aspect_ratio: '1:1', output_format: 'jpg' });
    expect(json.output).toMatch(/\/out-0\.jpg$/);
    const out = await fetchImage(json.output as string);
    expect([out.width, out.height, out.type]).toEqual([48, 48, 'image/jpeg']);
    expect(double.inputsOf(json.id)).toMatchObject({ width: 64, height: 48, format: 'jpeg', source: 'data-uri' });
  });

  it('generates a 1024x1024 picture when no image is given', async () => {
    const out = await fetchImage((await edit({ prompt: 'a lighthouse' })).output as string);
    expect([out.width, out.height]).toEqual([1024, 1024]);
  });

  it('fails the prediction with a clear error when the input is not an image', async () => {
    const json = await edit({ prompt: 'x', input_image: 'data:text/plain;base64,aGVsbG8=' });
    expect(json.status).toBe('failed');
    expect(json.error).toMatch(/cannot identify image file/);
  });

  it('fails the prediction for an input URL on the user\'s own machine, which Replicate cannot reach', async () => {
    const json = await edit({ prompt: 'x', input_image: 'http://localhost:9/cat.png' });
    expect(json.status).toBe('failed');
    expect(json.error).toMatch(/could not download input_image/);
  });

  it('downloads public input URLs with the injected fetch, and reuses earlier outputs', async () => {
    const fetched: string[] = [];
    const fakeFetch = (async (url: string | URL | Request) => {
      fetched.push(String(url));
      return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
    }) as typeof fetch;
    const withFetch = await startApiDouble({ timing: { startingMs: 5, processingMs: 20 }, fetch: fakeFetch });
    try {
      const first = await api(withFetch, PRO, { body: { input: { prompt: 'x', input_image: 'https://example.com/cat.png' } }, headers: { prefer: 'wait=10' } });
      expect(first.json.status).toBe('succeeded');
      expect(withFetch.inputsOf(first.json.id)).toMatchObject({ width: 64, height: 48, source: 'url' });
      const chained = await api(withFetch, PRO, { body: { input: { prompt: 'x', input_image: first.json.output } }, headers: { prefer: 'wait=10' } });
      expect(withFetch.inputsOf(chained.json.id)?.source).toBe('output');
      expect(fetched).toEqual(['https://example.com/cat.png']);
    } finally {
      await withFetch.close();
    }
  });

  it('serves output files without requiring or receiving a token', async () => {
    const json = await edit({ prompt: 'x' });
    await fetch(json.output as string);
    const request = double.fileRequests.at(-1);
    expect(request?.status).toBe(200);
    expect(request?.headers.authorization).toBeUndefined();
  });
});
