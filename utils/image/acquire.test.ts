import { describe, expect, it, vi } from 'vitest';
import { acquireImage, decodeDataUrl, fetchViaPage, type AcquireDeps, type PageFetchResult } from './acquire';
import { bytesToBase64 } from './data-uri';
import { ascii, jpegBytes, pngBytes, rejection } from './test-support';

const jpeg = jpegBytes();
const jpegUri = `data:image/jpeg;base64,${bytesToBase64(jpeg)}`;

function fakes(options: { fetch?: typeof fetch; page?: PageFetchResult | Error } = {}) {
  const fetchFn = vi.fn<typeof fetch>(options.fetch ?? (async () => new Response(jpeg)));
  const fetchInPage = vi.fn<NonNullable<AcquireDeps['fetchInPage']>>(async () => {
    if (options.page instanceof Error) throw options.page;
    return options.page ?? { dataUri: jpegUri };
  });
  return { fetch: fetchFn, fetchInPage };
}


describe('acquireImage', () => {
  it('decodes a data: URL directly and never fetches it', async () => {
    const deps = fakes();
    const { blob, via } = await acquireImage({ url: jpegUri, tabId: 1 }, deps);
    expect(via).toBe('data-url');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(jpeg);
    expect(deps.fetch).not.toHaveBeenCalled();
    expect(deps.fetchInPage).not.toHaveBeenCalled();
  });

  it('uses the background download first when it works', async () => {
    const deps = fakes();
    const { blob, via } = await acquireImage({ url: 'https://cdn.example.com/a.jpg', tabId: 1 }, deps);
    expect(via).toBe('background-fetch');
    expect(blob.type).toBe('image/jpeg');
    expect(deps.fetchInPage).not.toHaveBeenCalled();
  });

  it('falls back to fetching in the page after a 403, in the clicked frame', async () => {
    const png = pngBytes();
    const deps = fakes({
      fetch: async () => new Response('Forbidden', { status: 403 }),
      page: { dataUri: `data:application/octet-stream;base64,${bytesToBase64(png)}` },
    });
    const { blob, via } = await acquireImage({ url: 'https://cdn.example.com/a.png', tabId: 7, frameId: 3 }, deps);
    expect(via).toBe('page-fetch');
    expect(blob.type).toBe('image/png'); // sniffed, not the octet-stream label
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(png);
    expect(deps.fetch).toHaveBeenCalledTimes(1);
    expect(deps.fetchInPage).toHaveBeenCalledWith(7, 3, 'https://cdn.example.com/a.png');
  });

  it('asks the top frame when no frame is given', async () => {
    const deps = fakes({ fetch: async () => new Response('', { status: 404 }) });
    await acquireImage({ url: 'https://cdn.example.com/a.png', tabId: 7 }, deps);
    expect(deps.fetchInPage).toHaveBeenCalledWith(7, 0, 'https://cdn.example.com/a.png');
  });

  it('names the host and both reasons when both steps fail', async () => {
    const deps = fakes({
      fetch: async () => new Response('Forbidden', { status: 403 }),
      page: { error: 'TypeError: Failed to fetch' },
    });
    const error = await rejection(acquireImage({ url: 'https://cdn.example.com/a.png', tabId: 7 }, deps));
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(
      'Could not download the image from cdn.example.com: directly, HTTP 403; through the page, TypeError: Failed to fetch.',
    );
  });

  it('reports not-an-image when every step got something that is not an image', async () => {
    const html = ascii('<!doctype html><p>login</p>');
    const deps = fakes({
      fetch: async () => new Response(html, { headers: { 'content-type': 'image/jpeg' } }),
      page: { dataUri: `data:image/jpeg;base64,${bytesToBase64(html)}` },
    });
    const error = await rejection(acquireImage({ url: 'https://cdn.example.com/a.jpg', tabId: 1 }, deps));
    expect(error.code).toBe('not-an-image');
    expect(error.message).toBe(
      'Could not download the image from cdn.example.com: directly, the server sent an HTML page instead of an image; through the page, the server sent an HTML page instead of an image.',
    );
  });

  it('does not retry in the page when the file is too large', async () => {
    const deps = fakes({ fetch: async () => new Response(jpeg, { headers: { 'content-length': String(50_000_000) } }) });
    const error = await rejection(acquireImage({ url: 'https://big.example/a.jpg', tabId: 1 }, deps));
    expect(error.code).toBe('too-large');
    expect(deps.fetchInPage).not.toHaveBeenCalled();
  });

  it('passes the download limits to the background fetch', async () => {
    const deps = { ...fakes(), maxBytes: 10 };
    const error = await rejection(acquireImage({ url: 'https://cdn.example.com/a.jpg' }, deps));
    expect(error.code).toBe('too-large');
  });

  it('reads a blob: URL only through the page', async () => {
    const deps = fakes();
    const { via } = await acquireImage({ url: 'blob:https://app.example/1234-abcd', tabId: 2, frameId: 0 }, deps);
    expect(via).toBe('page-fetch');
    expect(deps.fetch).not.toHaveBeenCalled();
  });

  it('explains that a blob: URL needs the page when no tab is known', async () => {
    const error = await rejection(acquireImage({ url: 'blob:https://app.example/1234-abcd' }, fakes()));
    expect(error.message).toBe(
      'Could not download the image from a page-generated image (blob: from app.example): only the page that created it can read it, and the page could not be reached.',
    );
  });

  it('reports the background failure alone when there is no tab to try', async () => {
    const deps = fakes({ fetch: async () => new Response('', { status: 500 }) });
    const error = await rejection(acquireImage({ url: 'http://localhost:8080/x.jpg' }, deps));
    expect(error.message).toBe('Could not download the image from localhost:8080: HTTP 500.');
  });

  it('turns a throwing executeScript into a reason', async () => {
    const deps = fakes({ fetch: async () => new Response('', { status: 401 }), page: new Error('Cannot access contents of the page') });
    const error = await rejection(acquireImage({ url: 'https://a.example/x.jpg', tabId: 1 }, deps));
    expect(error.message).toContain('through the page, Cannot access contents of the page');
  });
});

describe('decodeDataUrl', () => {
  it('types the blob by its bytes, not by the declared type', async () => {
    const blob = await decodeDataUrl(`data:image/gif;base64,${bytesToBase64(jpeg)}`);
    expect(blob.type).toBe('image/jpeg');
  });

  it('rejects HTML dressed as image/png', async () => {
    const error = await rejection(decodeDataUrl(`data:image/png;base64,${bytesToBase64(ascii('<html></html>'))}`));
    expect(error.code).toBe('not-an-image');
    expect(error.message).toBe('The embedded data is not an image: it contains an HTML page.');
  });
});

describe('fetchViaPage', () => {
  it('keeps the code the page reported', async () => {
    const error = await rejection(fetchViaPage('https://a.example/x', async () => ({ error: 'the file is too large', code: 'too-large' }), 1, 0));
    expect(error.code).toBe('too-large');
  });

  it('enforces the size cap on what the page returned', async () => {
    const error = await rejection(fetchViaPage('https://a.example/x', async () => ({ dataUri: jpegUri }), 1, 0, 10));
    expect(error.code).toBe('too-large');
  });
});
