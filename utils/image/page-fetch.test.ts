import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDataUri } from './data-uri';
import { createFetchInPage, fetchImageInPage, type ScriptingLike } from './page-fetch';
import { jpegBytes } from './test-support';

type Injection = Parameters<ScriptingLike['executeScript']>[0];

function fakeScripting(answer: (injection: Injection) => Promise<Array<{ result?: unknown }>>) {
  const calls: Injection[] = [];
  const scripting: ScriptingLike = {
    executeScript: async (injection) => {
      calls.push(injection);
      return answer(injection);
    },
  };
  return { scripting, calls };
}

/**
 * The function as executeScript ships it: only its source text, re-created with no access to
 * this module's scope. A closure over an import would throw a ReferenceError here.
 */
function isolatedCopy(): typeof fetchImageInPage {
  return new Function(`return (${fetchImageInPage.toString()})`)() as typeof fetchImageInPage;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createFetchInPage', () => {
  it('injects the self-contained fetch into the clicked frame with the URL and cap', async () => {
    const { scripting, calls } = fakeScripting(async () => [{ result: { dataUri: 'data:image/png;base64,AA==' } }]);
    const fetchInPage = createFetchInPage(scripting, 1234);
    expect(await fetchInPage(5, 2, 'https://a.example/x.png')).toEqual({ dataUri: 'data:image/png;base64,AA==' });
    expect(calls[0]?.target).toEqual({ tabId: 5, frameIds: [2] });
    expect(calls[0]?.args).toEqual(['https://a.example/x.png', 1234]);
    expect(calls[0]?.func).toBe(fetchImageInPage);
  });

  it('turns a refused injection into an error answer', async () => {
    const { scripting } = fakeScripting(async () => {
      throw new Error('Cannot access contents of the page. Extension manifest must request permission');
    });
    const answer = await createFetchInPage(scripting)(1, 0, 'https://a.example/x.png');
    expect(answer).toEqual({
      error: 'the extension cannot run in this page (Cannot access contents of the page. Extension manifest must request permission)',
    });
  });

  it.each([
    ['no result', []],
    ['an undefined result', [{}]],
    ['a result of the wrong shape', [{ result: { dataUri: 'javascript:alert(1)' } }]],
  ])('treats %s as an error', async (_name, results) => {
    const { scripting } = fakeScripting(async () => results);
    const answer = await createFetchInPage(scripting)(1, 0, 'https://a.example/x.png');
    expect(answer).toEqual({ error: 'the page returned no usable answer' });
  });

  it('passes the page’s error and code through', async () => {
    const { scripting } = fakeScripting(async () => [{ result: { error: 'HTTP 404' } }, { result: { error: 'other frame' } }]);
    expect(await createFetchInPage(scripting)(1, 0, 'u')).toEqual({ error: 'HTTP 404' });
  });
});

describe('fetchImageInPage (as injected, in a page with its own fetch)', () => {
  it('downloads with the page’s cookies and returns the exact bytes as a data URI', async () => {
    // Odd chunk sizes exercise the carry of bytes between base64 groups.
    const jpeg = jpegBytes(40, 30);
    const pageFetch = vi.fn(async () => {
      let offset = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= jpeg.length) return controller.close();
          controller.enqueue(jpeg.subarray(offset, offset + 7));
          offset += 7;
        },
      });
      return new Response(body, { headers: { 'content-type': 'image/jpeg; charset=binary' } });
    });
    vi.stubGlobal('fetch', pageFetch);
    const answer = await isolatedCopy()('https://a.example/x.jpg', 1_000_000);
    expect(pageFetch).toHaveBeenCalledWith('https://a.example/x.jpg', { credentials: 'include' });
    if (!('dataUri' in answer)) throw new Error(`expected a data URI, got ${answer.error}`);
    const { mimeType, bytes } = parseDataUri(answer.dataUri);
    expect(mimeType).toBe('image/jpeg');
    expect(bytes).toEqual(jpeg);
  });

  it('labels an untyped blob: response octet-stream for the background to sniff', async () => {
    vi.stubGlobal('fetch', async () => new Response(new Blob([new Uint8Array([1, 2, 3, 4])])));
    const answer = await isolatedCopy()('blob:https://a.example/1', 100);
    expect(answer).toEqual({ dataUri: 'data:application/octet-stream;base64,AQIDBA==' });
  });

  it.each([
    ['an HTTP error', () => new Response('no', { status: 403 }), { error: 'HTTP 403' }],
    [
      'an HTML page',
      () => new Response('<html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }),
      { error: 'the server sent text/html instead of an image', code: 'not-an-image' },
    ],
    [
      'a declared length over the cap',
      () => new Response(new Uint8Array(1), { headers: { 'content-length': '101' } }),
      { error: 'the file is too large', code: 'too-large' },
    ],
    ['a streamed body over the cap', () => new Response(new Uint8Array(101)), { error: 'the file is too large', code: 'too-large' }],
  ])('answers an error for %s', async (_name, respond, expected) => {
    vi.stubGlobal('fetch', async () => respond());
    expect(await isolatedCopy()('https://a.example/x', 100)).toEqual(expected);
  });

  it('answers a network failure as an error instead of throwing', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await isolatedCopy()('https://a.example/x', 100)).toEqual({ error: 'TypeError: Failed to fetch' });
  });
});
