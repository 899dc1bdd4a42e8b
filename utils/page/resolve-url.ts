/** Schemes whose bytes can be read by some step of the fetch chain (`blob:` only from the page). */
const READABLE = new Set(['http:', 'https:', 'data:', 'blob:', 'file:']);

/** `raw` resolved against the document's base URL, or undefined when it is not an image address. */
export function resolveUrl(raw: string | null | undefined, base: string): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return READABLE.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The items with the first occurrence of each URL only, order kept. */
export function dedupeByUrl<T extends { url: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.url) && seen.add(item.url));
}
