/**
 * Getting the bytes of the image the user right-clicked. The provider is never given the page's
 * URL: it cannot fetch private, cookie-gated, hotlink-protected, blob: or localhost images.
 *
 *   data: URL ──decode──────────────────────────────▶ done
 *   http(s) ──background fetch (no cookies)──ok────▶ done
 *        │ failed (not too large)
 *        ▼
 *   page fetch (tab's cookies, referrer, blob:)──ok─▶ done
 *        │ failed
 *        ▼
 *   ImageError naming the host and every step's reason
 */
import { dataUriToBlob, parseDataUri } from './data-uri';
import { describeImageOrigin, formatBytes, ImageError, type ImageErrorCode } from './errors';
import { fetchImageInBackground, MAX_DOWNLOAD_BYTES, type DownloadLimits } from './download';
import { describeContent, sniffImageType, SNIFF_BYTES } from './sniff';

/** Where the clicked image lives. */
export type ImageSource = { url: string; tabId?: number; frameId?: number; pageUrl?: string };

/** What the page-context fetch answers; `code` lets the chain report too-large/not-an-image faithfully. */
export type PageFetchResult = { dataUri: string } | { error: string; code?: ImageErrorCode };

/** IO for acquireImage. */
export interface AcquireDeps extends DownloadLimits {
  fetch: typeof fetch;
  /** Runs in the page's isolated world (keeps page cookies/referrer, can read blob: URLs). */
  fetchInPage?: (tabId: number, frameId: number, url: string) => Promise<PageFetchResult>;
}

/** How the bytes were obtained. */
export type AcquireVia = 'data-url' | 'background-fetch' | 'page-fetch';

/** Obtain the image bytes through the first step that works; the blob's type is sniffed from its bytes. */
export async function acquireImage(src: ImageSource, deps: AcquireDeps): Promise<{ blob: Blob; via: AcquireVia }> {
  if (/^data:/i.test(src.url)) return { blob: await decodeDataUrl(src.url), via: 'data-url' };
  const failures: { step: string; error: ImageError }[] = [];
  if (/^https?:/i.test(src.url)) {
    try {
      return { blob: await fetchImageInBackground(src.url, deps.fetch, deps), via: 'background-fetch' };
    } catch (error) {
      const imageError = asImageError(error);
      // The page would download the same oversized file, only slower.
      if (imageError.code === 'too-large') throw imageError;
      failures.push({ step: 'directly', error: imageError });
    }
  }
  if (src.tabId !== undefined && deps.fetchInPage) {
    try {
      const blob = await fetchViaPage(src.url, deps.fetchInPage, src.tabId, src.frameId ?? 0, deps.maxBytes);
      return { blob, via: 'page-fetch' };
    } catch (error) {
      failures.push({ step: 'through the page', error: asImageError(error) });
    }
  }
  throw combineFailures(src, failures);
}

/** Step 1: an image embedded as a data: URL is decoded, never fetched. */
export async function decodeDataUrl(url: string): Promise<Blob> {
  return retypeBySniffing(dataUriToBlob(url), 'The embedded data', (content) => `it contains ${content}`);
}

/** Step 3: fetch in the page's context and check what came back. */
export async function fetchViaPage(
  url: string,
  fetchInPage: NonNullable<AcquireDeps['fetchInPage']>,
  tabId: number,
  frameId: number,
  maxBytes = MAX_DOWNLOAD_BYTES,
): Promise<Blob> {
  const result = await fetchInPage(tabId, frameId, url).catch((error: unknown): PageFetchResult => ({
    error: error instanceof Error ? error.message : String(error),
  }));
  if ('error' in result) {
    throw new ImageError(result.code ?? 'unreachable', `The page could not download the image: ${result.error}.`, {
      reason: result.error,
    });
  }
  const { bytes } = parseDataUri(result.dataUri);
  if (bytes.length > maxBytes) {
    const reason = `the file is larger than ${formatBytes(maxBytes)}`;
    throw new ImageError('too-large', `The image is too large: ${reason}.`, { reason });
  }
  return retypeBySniffing(
    new Blob([bytes]),
    `The file from ${describeImageOrigin(url)}`,
    (content) => `the server sent ${content} instead of an image`,
  );
}

/** Label a blob with the type its bytes show; ImageError('not-an-image') when they show none. */
async function retypeBySniffing(blob: Blob, subject: string, explain: (content: string) => string): Promise<Blob> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const type = sniffImageType(head);
  if (!type) {
    const reason = explain(describeContent(head, blob.type));
    throw new ImageError('not-an-image', `${subject} is not an image: ${reason}.`, { reason });
  }
  return blob.type === type ? blob : new Blob([blob], { type });
}

function asImageError(error: unknown): ImageError {
  if (error instanceof ImageError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ImageError('unreachable', reason, { cause: error });
}

/** One error for the user: which host, and why each attempt failed. */
function combineFailures(src: ImageSource, failures: readonly { step: string; error: ImageError }[]): ImageError {
  const origin = describeImageOrigin(src.url);
  if (failures.length === 0) {
    const reason = /^blob:/i.test(src.url)
      ? 'only the page that created it can read it, and the page could not be reached'
      : 'this kind of address cannot be downloaded';
    return new ImageError('unreachable', `Could not download the image from ${origin}: ${reason}.`, { reason });
  }
  const codes = failures.map((f) => f.error.code);
  const code: ImageErrorCode = codes.includes('too-large')
    ? 'too-large'
    : codes.every((c) => c === 'not-an-image')
      ? 'not-an-image'
      : 'unreachable';
  const only = failures.length === 1 ? failures[0] : undefined;
  const reason = only ? only.error.reason : failures.map((f) => `${f.step}, ${f.error.reason}`).join('; ');
  return new ImageError(code, `Could not download the image from ${origin}: ${reason}.`, {
    reason,
    cause: failures.map((f) => f.error),
  });
}
