// Parsing of the two request headers that change how a create behaves.

/** Longest sync wait the API allows. */
export const MAX_WAIT_SECONDS = 60;
/** Shortest Cancel-After the API allows. */
export const MIN_CANCEL_AFTER_MS = 5_000;

/**
 * Seconds to hold a create open, or 0. `Prefer: wait` alone means the maximum; values outside
 * the published pattern (^wait(=([1-9]|[1-9][0-9]|60))?$) are ignored.
 */
export function parsePreferWait(header: string | undefined): number {
  if (!header) return 0;
  for (const part of header.split(',').map((p) => p.trim())) {
    if (part === 'wait') return MAX_WAIT_SECONDS;
    const match = /^wait=([1-9]\d?)$/.exec(part);
    if (match) {
      const seconds = Number(match[1]);
      if (seconds <= MAX_WAIT_SECONDS) return seconds;
    }
  }
  return 0;
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Parses a Go-like duration ("5m", "1h30m45s", "30" = seconds); null when malformed. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) return null;
  return parts.reduce((total, p) => total + Number(p[1]) * (UNIT_MS[p[2] ?? 's'] ?? 0), 0);
}
