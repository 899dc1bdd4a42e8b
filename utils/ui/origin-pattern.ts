import { DEFAULT_BASE_URL } from '../settings';

/**
 * The host-permission match pattern that lets the background reach an API base URL, or undefined
 * when the manifest already grants it. The port is left out on purpose: Firefox rejects match
 * patterns with a port, and in Chrome a pattern without one matches every port.
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Match_patterns
 */
export function originPatternFor(baseUrl: string): string | undefined {
  const url = new URL(baseUrl);
  if (url.origin === new URL(DEFAULT_BASE_URL).origin) return undefined;
  if (isBuiltInBflHost(url)) return undefined;
  return `${url.protocol}//${url.hostname}/*`;
}

/** api.bfl.ai and its regional hosts (api.eu.bfl.ai…): the manifest's `https://*.bfl.ai/*` covers them. */
function isBuiltInBflHost(url: URL): boolean {
  return url.protocol === 'https:' && !url.port && (url.hostname === 'bfl.ai' || url.hostname.endsWith('.bfl.ai'));
}
