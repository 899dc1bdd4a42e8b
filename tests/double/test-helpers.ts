// Helpers shared by the double's own tests.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ApiDouble } from './types';

/** Token of the default account with credit. */
export const VALID = 'r8_test_valid';
export const PRO = '/models/black-forest-labs/flux-kontext-pro/predictions';

/** A w x h image whose pixel (x, y) is (4x, 4y, 200 - x), distinct enough to follow through filters. */
export function patternPixels(w: number, h: number): Buffer {
  const data = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) data.set([(x * 4) % 256, (y * 4) % 256, (200 - x + 256) % 256, 255], (y * w + x) * 4);
  }
  return data;
}

/** PNG bytes of the pattern. */
export function patternPng(w: number, h: number): Buffer {
  const png = new PNG({ width: w, height: h });
  png.data = patternPixels(w, h);
  return PNG.sync.write(png);
}

/** JPEG bytes of the pattern. */
export const patternJpeg = (w: number, h: number): Buffer =>
  jpeg.encode({ width: w, height: h, data: patternPixels(w, h) }, 95).data;

/** A data: URI. */
export const dataUri = (bytes: Buffer, type: string): string => `data:${type};base64,${bytes.toString('base64')}`;

/** Parsed JSON of a response; tests read arbitrary fields from it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Calls the API of a double with the valid token unless headers say otherwise. */
export async function api(
  double: ApiDouble,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
): Promise<{ status: number; json: Json; headers: Headers }> {
  const headers: Record<string, string> = { authorization: `Bearer ${VALID}`, 'content-type': 'application/json', ...init.headers };
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await fetch(`${double.apiUrl}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // Non-JSON bodies stay text.
  }
  return { status: response.status, json, headers: response.headers };
}

/** Polls GET /predictions/{id} until a final status. */
export async function pollUntilDone(double: ApiDouble, id: string, seen: string[] = []): Promise<Json> {
  for (let i = 0; i < 400; i++) {
    const { json } = await api(double, `/predictions/${id}`);
    if (seen.at(-1) !== json.status) seen.push(json.status);
    if (['succeeded', 'failed', 'canceled', 'aborted'].includes(json.status)) return json;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`prediction ${id} never finished`);
}

/** Downloads and decodes an output image. */
export async function fetchImage(url: string): Promise<{ width: number; height: number; data: Uint8Array; type: string }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`output ${url} answered ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  if (type === 'image/png') {
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: png.data, type };
  }
  const img = jpeg.decode(bytes, { useTArray: true });
  return { ...img, type };
}
