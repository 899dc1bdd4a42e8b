/**
 * Step 3 of acquire: fetch the image from inside the page (its isolated world), which carries the
 * page's cookies and referrer and can read the page's blob: URLs. The API key never goes there.
 */
import { z } from 'zod';
import type { AcquireDeps, PageFetchResult } from './acquire';
import { MAX_DOWNLOAD_BYTES } from './download';

/** The slice of `browser.scripting` used here (structural, so tests can pass a fake). */
export interface ScriptingLike {
  executeScript(injection: {
    target: { tabId: number; frameIds?: number[] };
    func: (url: string, maxBytes: number) => Promise<unknown>;
    args: [string, number];
  }): Promise<Array<{ result?: unknown }>>;
}

/** What the injected function may answer; anything else (e.g. a page that tampered with it) is an error. */
const PageFetchAnswer = z.union([
  z.object({ dataUri: z.string().startsWith('data:') }),
  z.object({ error: z.string(), code: z.enum(['unreachable', 'not-an-image', 'too-large']).optional() }),
]);

/** Build AcquireDeps.fetchInPage on top of scripting.executeScript. */
export function createFetchInPage(scripting: ScriptingLike, maxBytes = MAX_DOWNLOAD_BYTES): NonNullable<AcquireDeps['fetchInPage']> {
  return async (tabId, frameId, url) => {
    let results: Array<{ result?: unknown }>;
    try {
      results = await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func: fetchImageInPage, args: [url, maxBytes] });
    } catch (error) {
      // Typically "Cannot access contents of the page": no activeTab grant or a restricted page.
      return { error: `the extension cannot run in this page (${error instanceof Error ? error.message : String(error)})` };
    }
    const parsed = PageFetchAnswer.safeParse(results[0]?.result);
    if (!parsed.success) return { error: 'the page returned no usable answer' };
    return parsed.data as PageFetchResult;
  };
}

/**
 * Runs in the page, serialised by executeScript: it must be self-contained (no imports, no
 * closures, no helpers defined outside). Streams with a cap and base64-encodes in chunks.
 */
export async function fetchImageInPage(url: string, maxBytes: number): Promise<PageFetchResult> {
  try {
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) return { error: `HTTP ${response.status}` };
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    // Only labels that can never be images are refused here; the background sniffs the bytes.
    if (/^(text\/(html|plain|css|javascript)|application\/(json|javascript|xhtml\+xml))$/.test(type)) {
      await response.body?.cancel();
      return { error: `the server sent ${type} instead of an image`, code: 'not-an-image' };
    }
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      await response.body?.cancel();
      return { error: 'the file is too large', code: 'too-large' };
    }
    const reader = response.body?.getReader();
    const parts: string[] = [];
    let carry = new Uint8Array(0);
    let total = 0;
    for (;;) {
      const next = reader ? await reader.read() : { done: true as const, value: undefined };
      if (next.value) {
        total += next.value.length;
        if (total > maxBytes) {
          await reader?.cancel();
          return { error: 'the file is too large', code: 'too-large' };
        }
        // Encode whole 3-byte groups per chunk so the base64 pieces concatenate cleanly.
        let bytes: Uint8Array = next.value;
        if (carry.length) {
          bytes = new Uint8Array(carry.length + next.value.length);
          bytes.set(carry);
          bytes.set(next.value, carry.length);
        }
        const usable = bytes.length - (bytes.length % 3);
        for (let i = 0; i < usable; i += 0x6000) {
          parts.push(btoa(String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x6000, usable)))));
        }
        carry = bytes.slice(usable);
      }
      if (next.done) break;
    }
    if (carry.length) parts.push(btoa(String.fromCharCode(...carry)));
    return { dataUri: `data:${type || 'application/octet-stream'};base64,${parts.join('')}` };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
