/** Why an image could not be used; the UI maps each code to advice (retry, pick another image, …). */
export type ImageErrorCode = 'unreachable' | 'not-an-image' | 'undecodable' | 'too-large';

/** An image problem whose message can be shown to the user as is: it says which image and why. */
export class ImageError extends Error {
  override name = 'ImageError';
  /** The bare reason ("HTTP 403"), for messages that combine several attempts; defaults to the message. */
  readonly reason: string;

  constructor(
    readonly code: ImageErrorCode,
    message: string,
    options?: { cause?: unknown; reason?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.reason = options?.reason ?? message;
  }
}

/** True when `error` is an ImageError (optionally with the given code). */
export function isImageError(error: unknown, code?: ImageErrorCode): error is ImageError {
  return error instanceof ImageError && (code === undefined || error.code === code);
}

/** Names where an image comes from in a message: its host, or what kind of URL it is. */
export function describeImageOrigin(url: string): string {
  if (url.startsWith('data:')) return 'an image embedded in the page';
  try {
    const parsed = new URL(url);
    // blob: URLs carry the creating page's origin inside their path.
    if (parsed.protocol === 'blob:') return `a page-generated image (blob: from ${describeImageOrigin(parsed.pathname)})`;
    if (parsed.host) return parsed.host;
    return `a ${parsed.protocol} URL`;
  } catch {
    return 'an address that is not a valid URL';
  }
}

/** "1.5 MB" / "820 kB" / "312 bytes": decimal units, as file managers show them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${trimNumber(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${trimNumber(bytes / 1_000)} kB`;
  return `${bytes} bytes`;
}

function trimNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}
