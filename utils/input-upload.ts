/**
 * How the input image reaches the model. Replicate advises data URIs of at most ~1 MB; larger inputs
 * (a transparent PNG, a higher size cap) go through its Files API, which most Replicate-compatible
 * proxies do not implement: there the image is prepared again to fit a data URI, and the endpoint is
 * remembered so later edits are prepared small from the start.
 */
import { storage } from 'wxt/utils/storage';
import type { PredictionClient } from './api/client';
import { isApiError } from './api/errors';
import { blobToDataUri } from './image/data-uri';

/** Largest input sent inline as a data URI. */
export const DATA_URI_MAX_BYTES = 1_000_000;
/** Largest input prepared when the endpoint may take uploads (the model gains nothing from more). */
export const UPLOAD_MAX_BYTES = 8_000_000;

/** Thrown when an input too large for a data URI meets an endpoint without the Files API. */
export class UploadsUnsupportedError extends Error {
  override name = 'UploadsUnsupportedError';
}

const noUploads = storage.defineItem<string[]>('local:endpointsWithoutUploads', { fallback: [] });

/** Whether `baseUrl` may take file uploads (not yet known not to). */
export async function uploadsMayWork(baseUrl: string): Promise<boolean> {
  return !(await noUploads.getValue()).includes(baseUrl);
}

/** Remembers that `baseUrl` has no Files API. */
export async function markUploadsUnsupported(baseUrl: string): Promise<void> {
  const known = await noUploads.getValue();
  if (!known.includes(baseUrl)) await noUploads.setValue([...known, baseUrl].slice(-20));
}

/** Byte cap of a prepared input for this endpoint. */
export async function inputMaxBytes(baseUrl: string): Promise<number> {
  return (await uploadsMayWork(baseUrl)) ? UPLOAD_MAX_BYTES : DATA_URI_MAX_BYTES;
}

/** Answers the endpoint gives when it has no Files API at all (not a passing failure). */
function meansNoUploads(error: unknown): boolean {
  return isApiError(error) && (error.kind === 'not-found' || error.status === 405 || error.status === 501);
}

/** The value of the model's `input_image`: the bytes inline, or the URL of an upload. */
export async function inputReference(blob: Blob, client: Pick<PredictionClient, 'uploadFile'>, onNoUploads: () => Promise<void>): Promise<string> {
  if (blob.size <= DATA_URI_MAX_BYTES) return blobToDataUri(blob);
  try {
    const file = await client.uploadFile(blob, blob.type === 'image/png' ? 'input.png' : 'input.jpg');
    return file.url;
  } catch (error) {
    if (!meansNoUploads(error)) throw error;
    await onNoUploads();
    throw new UploadsUnsupportedError('This endpoint does not accept file uploads.');
  }
}
