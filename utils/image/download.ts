/** Downloading image bytes with a deadline and a size cap, recognising non-images early. */
import { describeImageOrigin, formatBytes, ImageError } from './errors';
import { describeContent, sniffImageType, SNIFF_BYTES } from './sniff';

/** A slow image host must not hold the worker: Chrome kills it when a fetch waits 30 s. */
export const DOWNLOAD_TIMEOUT_MS = 20_000;
/** Larger files are not photos anyone edits here, and would exhaust worker memory once decoded. */
export const MAX_DOWNLOAD_BYTES = 40_000_000;

/** Limits for one download. */
export interface DownloadLimits {
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * Fetch an http(s) image from the background, without cookies: the page's session must not ride
 * along on a request the page did not make, and the API token is never sent to image hosts.
 */
export async function fetchImageInBackground(url: string, fetchFn: typeof fetch, limits: DownloadLimits = {}): Promise<Blob> {
  const timeoutMs = limits.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  const origin = describeImageOrigin(url);
  try {
    const response = await fetchFn(url, { credentials: 'omit', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const reason = `HTTP ${response.status}`;
      throw new ImageError('unreachable', `Could not download the image (${reason} from ${origin}).`, { reason });
    }
    return await readImageBody(response, origin, limits.maxBytes ?? MAX_DOWNLOAD_BYTES);
  } catch (error) {
    if (error instanceof ImageError) throw error;
    const reason = isTimeout(error) ? `no answer within ${timeoutMs / 1000} s` : `the request failed (${errorText(error)})`;
    throw new ImageError('unreachable', `Could not download the image from ${origin}: ${reason}.`, { reason, cause: error });
  }
}

/**
 * Read a response body as an image blob typed by its magic bytes. Stops reading (cancelling the
 * download) as soon as the bytes are not an image or exceed maxBytes.
 */
export async function readImageBody(response: Response, origin: string, maxBytes: number): Promise<Blob> {
  const declared = response.headers.get('content-type');
  const length = Number(response.headers.get('content-length') ?? NaN);
  if (length > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(origin, maxBytes);
  }
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  let type: string | null = null;
  const reader = response.body?.getReader();
  for (;;) {
    const next = reader ? await reader.read() : { done: true as const, value: undefined };
    if (next.value) {
      chunks.push(next.value);
      total += next.value.length;
    }
    if (total > maxBytes) {
      await reader?.cancel().catch(() => undefined);
      throw tooLarge(origin, maxBytes);
    }
    if (type === null && (total >= SNIFF_BYTES || next.done)) {
      const head = concat(chunks, Math.min(total, SNIFF_BYTES));
      type = sniffImageType(head);
      if (type === null) {
        await reader?.cancel().catch(() => undefined);
        const reason = `the server sent ${describeContent(head, declared)} instead of an image`;
        throw new ImageError('not-an-image', `The address from ${origin} is not an image: ${reason}.`, { reason });
      }
    }
    if (next.done) return new Blob(chunks, { type: type ?? '' });
  }
}

function tooLarge(origin: string, maxBytes: number): ImageError {
  const reason = `the file is larger than ${formatBytes(maxBytes)}`;
  return new ImageError('too-large', `The image from ${origin} is too large: ${reason}.`, { reason });
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= length) break;
    const part = chunk.subarray(0, length - offset);
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
