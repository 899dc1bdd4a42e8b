/**
 * Makes text safe to keep in the diagnostics log and paste into a public bug report: API tokens,
 * `Authorization` values and data: URIs (which carry the user's images) are replaced, whitespace is
 * folded so each exchange stays on one line, and the result is capped.
 */
export const MAX_ERROR_CHARS = 300;

const REDACTED = '[redacted]';
// Replicate tokens look like r8_ followed by ~37 letters and digits; a prefix alone is not a secret.
const REPLICATE_TOKEN = /\br8_[A-Za-z0-9_-]{4,}/g;
// Black Forest Labs keys look like bfl_ followed by a random string.
const BFL_KEY = /\bbfl_[A-Za-z0-9_-]{4,}/g;
const BEARER = /\bBearer\s+[^\s"',;]+/gi;
const DATA_URI = /\bdata:[^\s"'<>()]+/gi;

/** Removes secrets and image data from `text`; `secrets` are exact strings to remove too (the key in use). */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // Long secrets first, so a key that contains a shorter one is not left half-visible.
  for (const secret of [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(REPLICATE_TOKEN, REDACTED)
    .replace(BFL_KEY, REDACTED)
    .replace(DATA_URI, 'data:[image data removed]');
}

/** A scrubbed, single-line, length-capped version of an error text; undefined when nothing is left. */
export function scrubErrorText(text: string, secrets: readonly string[] = []): string | undefined {
  const line = scrubSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  return line.length > MAX_ERROR_CHARS ? `${line.slice(0, MAX_ERROR_CHARS - 1)}…` : line;
}

/** The path of a URL with query values dropped (names kept) and secrets removed; the fragment never leaves the browser. */
export function safePath(url: URL, secrets: readonly string[] = []): string {
  const names = [...new Set(url.searchParams.keys())];
  const query = names.length > 0 ? `?${names.map((name) => `${encodeURIComponent(name)}=…`).join('&')}` : '';
  return scrubSecrets(`${url.pathname}${query}`, secrets);
}
