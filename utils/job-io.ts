import { ApiError } from './api/errors';
import { dataUriToBlob } from './image/data-uri';
import { ImageError } from './image/errors';
import { normalizeImage } from './image/normalize';
import type { NormalizeLimits } from './image/plan';
import { makeThumbnail } from './image/thumbnail';
import { getJobImage, putJobImage } from './image-store';
import type { PredictionClient } from './api/client';
import { preparedImageId } from './input-prep';
import { downloadPicture } from './input-prep-browser';
import { storeInput } from './input-images';
import { DATA_URI_MAX_BYTES, inputReference, markUploadsUnsupported } from './input-upload';
import { getSettings } from './settings-store';
import { EXPIRED_SELECTION } from './input-prep-service';
import type { ImageFacts, Job } from './job';
import type { PrepareInputResult } from './messages';
import type { PreparedSummary } from './selection-store';
import type { Provider } from './settings';

/** What acquireInput needs besides the browser: the prepared inputs of menu clicks. */
export interface AcquireInputDeps {
  prepare(token: string): Promise<PrepareInputResult>;
  /** Normalize limits from the settings (the input size cap). */
  limits(): Promise<NormalizeLimits>;
}

/**
 * Gets, prepares (orients, scales, re-encodes, strips metadata) and stores a job's input image:
 * the input prepared while the prompt box was open (input-prep.ts), an earlier result ("Edit again"),
 * or, after the provider refused the request as too large, a smaller copy of what was sent.
 */
export function createAcquireInput(deps: AcquireInputDeps): (job: Job) => Promise<ImageFacts> {
  return async (job) => {
    const limits = await deps.limits();
    const sent = job.smallerInput || job.inlineInput ? await getJobImage(job.id, 'input') : undefined;
    if (sent) {
      const inline = job.inlineInput ? { maxBytes: DATA_URI_MAX_BYTES } : {};
      return storeInput(job.id, await normalizeImage(sent, undefined, { ...limits, ...smallerLimits(job), ...inline }));
    }
    if (job.source.kind === 'job') {
      const result = await getJobImage(job.source.jobId, 'result');
      if (!result) throw new ApiError('not-found', 'The result this edit starts from was deleted.');
      return storeInput(job.id, await normalizeImage(result, undefined, limits));
    }
    if (job.source.token) {
      const prepared = await deps.prepare(job.source.token);
      if (prepared.ok) return takePrepared(job.id, preparedImageId(job.source.token), prepared.summary);
      // An expired prompt box (a Retry hours later) can still download by URL; any other failure stands.
      if (prepared.message !== EXPIRED_SELECTION || !job.source.srcUrl) throw new ImageError('unreachable', prepared.message);
    }
    if (!job.source.srcUrl) throw new ImageError('unreachable', 'The picture is no longer on hand; pick it on the page again.');
    const { blob } = await downloadPicture(job.source.srcUrl, job.source);
    return storeInput(job.id, await normalizeImage(blob, undefined, limits));
  };
}

/** Copies a selection's prepared input (described by its summary) to the job. */
async function takePrepared(jobId: string, preparedId: string, summary: PreparedSummary): Promise<ImageFacts> {
  const [input, thumb] = await Promise.all([getJobImage(preparedId, 'input'), getJobImage(preparedId, 'input-thumb')]);
  if (!input) throw new ImageError('unreachable', 'The prepared image is missing; right-click the image and try again.');
  const size = { width: summary.width, height: summary.height };
  await putJobImage(jobId, 'input', input, size);
  await putJobImage(jobId, 'input-thumb', thumb ?? (await makeThumbnail(input)));
  return { ...size, bytes: input.size, type: input.type };
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

/** The stored input image as the model receives it: inline, or uploaded when too large to inline. */
export async function inputImage(job: Job, client: PredictionClient): Promise<string> {
  const blob = await getJobImage(job.id, 'input');
  if (!blob) throw new ApiError('unexpected', 'The prepared image of this edit is missing; retry the edit.');
  return inputReference(blob, client, async () => markUploadsUnsupported((await getSettings()).baseUrl));
}

/**
 * Downloads the output at once (Replicate deletes it after an hour, Black Forest Labs' link lapses
 * after ten minutes) and keeps the bytes. Plain fetch without credentials: the API key never goes to
 * the output host.
 */
export async function downloadResult(job: Job, url: string): Promise<ImageFacts> {
  const blob = url.startsWith('data:') ? dataUriToBlob(url) : await fetchOutput(url, job.provider);
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  await putJobImage(job.id, 'result', blob, size);
  await putJobImage(job.id, 'result-thumb', await makeThumbnail(blob));
  return { ...size, bytes: blob.size, type: blob.type };
}

/**
 * Fetches an output file. A result that is gone is a non-retryable 'not-found' (the job steps turn it
 * into 'data-removed'): 404/410, and at Black Forest Labs also 403, which is how its signed sample
 * URL answers once its ten minutes are over.
 */
export async function fetchOutput(url: string, provider: Provider | undefined, fetchFn: typeof fetch = (...args) => globalThis.fetch(...args)): Promise<Blob> {
  let response: Response;
  try {
    response = await fetchFn(url, { credentials: 'omit', signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw new ApiError('network', 'Could not download the result; retrying.', { cause: error });
  }
  if (response.status === 404 || response.status === 410 || (provider === 'bfl' && response.status === 403)) {
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
