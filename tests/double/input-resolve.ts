// Turns an input_image value into bytes the way the model server would: inline data, a Files API
// URL, a delivery URL of an earlier output, or a public http(s) URL.
import { headerSize, sniffFormat } from './image-codec';
import type { FileStore, OutputStore } from './stores';
import type { InputInfo } from './types';

/** What resolving needs from the double. */
export interface ResolveDeps {
  files: FileStore;
  outputs: OutputStore;
  fetch: typeof fetch;
  allowLoopback: boolean;
}

/** Failure the prediction reports as its error. */
export class InputError extends Error {}

/** Describes image bytes from their header. */
export function describeImage(data: Uint8Array, source: InputInfo['source']): InputInfo {
  const format = sniffFormat(data);
  const size = headerSize(data, format) ?? { width: 0, height: 0 };
  return { ...size, format, bytes: data.byteLength, data, source };
}

/** Decodes a data: URI (base64 or percent-encoded). */
export function decodeDataUri(uri: string): Buffer {
  const match = /^data:([^,]*),(.*)$/s.exec(uri);
  if (!match) throw new InputError('invalid data URI');
  const meta = match[1] ?? '';
  const payload = match[2] ?? '';
  return meta.split(';').includes('base64') ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'latin1');
}

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0';

/** Inputs available at once (inline or stored here), else null for a URL to download. */
export function resolveLocal(value: string, deps: ResolveDeps): InputInfo | null {
  if (value.startsWith('data:')) return describeImage(decodeDataUri(value), 'data-uri');
  const url = new URL(value);
  const fileId = /\/files\/([a-z0-9]+)$/.exec(url.pathname)?.[1];
  const file = fileId ? deps.files.get(fileId) : undefined;
  if (file) return describeImage(file.data, 'files-api');
  const output = deps.outputs.get(url.pathname);
  if (output) return describeImage(output.data, 'output');
  return null;
}

/** Downloads a public image URL, refusing what Replicate's servers could not reach. */
export async function downloadInput(value: string, deps: ResolveDeps): Promise<InputInfo> {
  const url = new URL(value);
  if (!deps.allowLoopback && isLoopback(url.hostname)) {
    throw new InputError(`could not download input_image from ${value}: connection refused`);
  }
  let response: Response;
  try {
    response = await deps.fetch(value, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new InputError(`could not download input_image from ${value}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new InputError(`could not download input_image from ${value}: HTTP ${response.status}`);
  return describeImage(new Uint8Array(await response.arrayBuffer()), 'url');
}
