import { browser } from 'wxt/browser';
import { ApiError } from './api/errors';
import { acquireImage } from './image/acquire';
import { blobToDataUri, dataUriToBlob } from './image/data-uri';
import { normalizeImage } from './image/normalize';
import type { NormalizeLimits } from './image/plan';
import { createFetchInPage } from './image/page-fetch';
import { makeThumbnail } from './image/thumbnail';
import { getJobImage, putJobImage } from './image-store';
import type { ImageFacts, Job } from './job';

/** Reads the bytes a job edits: the right-clicked image, or an earlier result ("Edit again"). */
async function readSource(job: Job): Promise<Blob> {
  if (job.source.kind === 'job') {
    const result = await getJobImage(job.source.jobId, 'result');
    if (!result) throw new ApiError('not-found', 'The result this edit starts from was deleted.');
    return result;
  }
  const { srcUrl, tabId, frameId, pageUrl } = job.source;
  const { blob } = await acquireImage(
    { url: srcUrl, tabId, frameId, pageUrl },
    { fetch: (input, init) => fetch(input, init), fetchInPage: createFetchInPage(browser.scripting) },
  );
  return blob;
}

/** Gets, prepares (orients, scales, re-encodes, strips metadata) and stores a job's input image. */
export async function acquireInput(job: Job): Promise<ImageFacts> {
  const normalized = await normalizeImage(await readSource(job), undefined, smallerLimits(job));
  const size = { width: normalized.width, height: normalized.height };
  await putJobImage(job.id, 'input', normalized.blob, size);
  await putJobImage(job.id, 'input-thumb', await makeThumbnail(normalized.blob));
  return { ...size, bytes: normalized.blob.size, type: normalized.type };
}

/**
 * After the provider refused the request as too large: a quarter of the pixels and half the bytes
 * of what was sent, which always shrinks the request however large the first copy was.
 */
export function smallerLimits(job: Job): NormalizeLimits | undefined {
  if (!job.smallerInput || !job.image) return undefined;
  return {
    maxPixels: Math.max(64 * 64, Math.floor((job.image.width * job.image.height) / 4)),
    maxBytes: Math.max(50_000, Math.floor(job.image.bytes / 2)),
  };
}

/** The stored input image as the data URI the model receives. */
export async function inputDataUri(job: Job): Promise<string> {
  const blob = await getJobImage(job.id, 'input');
  if (!blob) throw new ApiError('unexpected', 'The prepared image of this edit is missing; retry the edit.');
  return blobToDataUri(blob);
}

/**
 * Downloads the output at once (the provider deletes it after an hour) and keeps the bytes. Plain
 * fetch without credentials: the API token never goes to the output host.
 */
export async function downloadResult(job: Job, url: string): Promise<ImageFacts> {
  const blob = url.startsWith('data:') ? dataUriToBlob(url) : await fetchOutput(url);
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  await putJobImage(job.id, 'result', blob, size);
  await putJobImage(job.id, 'result-thumb', await makeThumbnail(blob));
  return { ...size, bytes: blob.size, type: blob.type };
}

async function fetchOutput(url: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw new ApiError('network', 'Could not download the result; retrying.', { cause: error });
  }
  if (response.status === 404 || response.status === 410) {
    throw new ApiError('not-found', 'The provider no longer has this result.', { status: response.status, retryable: false });
  }
  if (!response.ok) {
    throw new ApiError('server', `Downloading the result failed (HTTP ${response.status}); retrying.`, { status: response.status, retryable: true });
  }
  const blob = await response.blob();
  const type = blob.type.startsWith('image/') ? blob.type : typeFromUrl(url);
  return new Blob([blob], { type });
}

function typeFromUrl(url: string): string {
  return /\.jpe?g(\?|$)/i.test(url) ? 'image/jpeg' : /\.webp(\?|$)/i.test(url) ? 'image/webp' : 'image/png';
}
