/** Replicate's own API; the models route needs no proxy fallback there. */
export const REPLICATE_API_BASE = 'https://api.replicate.com/v1';

/**
 * The base URL as typed by the user, trimmed and without trailing slashes. Throws an Error with a
 * message for the user when it is not an http(s) URL that paths can be appended to.
 */
export function normalizeBaseUrl(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`The API base URL is not a valid URL: "${input.trim()}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('The API base URL must start with https:// (or http://).');
  }
  // fetch refuses URLs with credentials, and a query or fragment would swallow the paths appended to it.
  if (url.username || url.password || url.search || url.hash) {
    throw new Error('The API base URL must not contain a user name, password, query or fragment.');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** True when the base URL is Replicate's own API rather than a compatible proxy. */
export function isReplicateApi(baseUrl: string): boolean {
  return new URL(baseUrl).hostname === 'api.replicate.com';
}
