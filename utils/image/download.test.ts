import { describe, expect, it, vi } from 'vitest';
import { fetchImageInBackground, readImageBody } from './download';
import { ascii, jpegBytes, rejection } from './test-support';

/** A body that streams `chunk` forever, counting how much was pulled and whether it was cancelled. */
function endlessStream(chunk: Uint8Array) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled += chunk.length;
      controller.enqueue(chunk.slice());
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}


describe('fetchImageInBackground', () => {
  it('fetches without cookies and with a deadline, typing the blob by its bytes', async () => {
    const jpeg = jpegBytes();
    const fetchFn = vi.fn<typeof fetch>(async () => new Response(jpeg, { headers: { 'content-type': 'application/octet-stream' } }));
    const blob = await fetchImageInBackground('https://cdn.example.com/a', fetchFn);
    expect(blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(jpeg);
    const init = fetchFn.mock.calls[0]?.[1];
    expect(init?.credentials).toBe('omit');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init?.headers).has('authorization')).toBe(false);
  });

  it('reports the HTTP status and host of a refused download', async () => {
    const error = await rejection(
      fetchImageInBackground('https://cdn.example.com/a.jpg', async () => new Response('no', { status: 403 })),
    );
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe('Could not download the image (HTTP 403 from cdn.example.com).');
    expect(error.reason).toBe('HTTP 403');
  });

  it('reports a network failure with the browser’s words', async () => {
    const error = await rejection(
      fetchImageInBackground('https://cdn.example.com/a.jpg', async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe('Could not download the image from cdn.example.com: the request failed (Failed to fetch).');
  });

  it('gives up when the server does not answer in time', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const error = await rejection(fetchImageInBackground('https://slow.example/a.jpg', hanging, { timeoutMs: 30 }));
    expect(error.code).toBe('unreachable');
    expect(error.reason).toBe('no answer within 0.03 s');
    expect(error.message).toContain('slow.example');
  });

  it('refuses an HTML page served as image/png, without reading it all', async () => {
    const { stream, state } = endlessStream(ascii('<!DOCTYPE html><html><body>hotlinking not allowed</body></html>'.padEnd(2048)));
    const error = await rejection(
      fetchImageInBackground('https://cdn.example.com/a.png', async () => new Response(stream, { headers: { 'content-type': 'image/png' } })),
    );
    expect(error.code).toBe('not-an-image');
    expect(error.message).toBe('The address from cdn.example.com is not an image: the server sent an HTML page instead of an image.');
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(10_000);
  });
});

describe('readImageBody', () => {
  it('stops an endless download at the cap and cancels the stream', async () => {
    const chunk = new Uint8Array(64 * 1024);
    chunk.set(jpegBytes().subarray(0, 3));
    const { stream, state } = endlessStream(chunk);
    const error = await rejection(readImageBody(new Response(stream), 'big.example', 1_000_000));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('The image from big.example is too large: the file is larger than 1 MB.');
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(1_000_000 + 3 * chunk.length);
  });

  it('refuses at once when Content-Length already exceeds the cap', async () => {
    const { stream, state } = endlessStream(new Uint8Array(1024));
    const response = new Response(stream, { headers: { 'content-length': '50000000' } });
    const error = await rejection(readImageBody(response, 'big.example', 40_000_000));
    expect(error.code).toBe('too-large');
    expect(state.pulled).toBeLessThanOrEqual(1024 * 2);
  });

  it('accepts an image exactly at the cap', async () => {
    const jpeg = jpegBytes();
    const blob = await readImageBody(new Response(jpeg), 'x', jpeg.length);
    expect(blob.size).toBe(jpeg.length);
  });

  it('calls an empty body an empty file', async () => {
    const error = await rejection(readImageBody(new Response(null), 'x.example', 100));
    expect(error.code).toBe('not-an-image');
    expect(error.reason).toBe('the server sent an empty file instead of an image');
  });

  it('sniffs even when the first bytes arrive one at a time', async () => {
    const jpeg = jpegBytes();
    let i = 0;
    const trickle = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i < jpeg.length) controller.enqueue(jpeg.subarray(i, ++i));
        else controller.close();
      },
    });
    const blob = await readImageBody(new Response(trickle), 'x', 1_000_000);
    expect(blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(jpeg);
  });
});
