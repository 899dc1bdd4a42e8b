import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { createSerialQueue } from './serial-queue';

/**
 * The diagnostics log: the last exchanges with the API, for bug reports. It holds no key, no headers,
 * no bodies and no image data (see diagnostics-scrub.ts), because people paste it into public issues.
 * Stored oldest first in `storage.local`; the background appends through one serialized queue.
 */
export const DIAGNOSTICS_KEY = 'local:diagnostics';
export const MAX_DIAGNOSTICS = 50;

/** One request and its answer. `status` is null when no answer came (network failure, timeout, abort). */
export const DiagnosticEntry = z.object({
  /** When the request was sent (ms since the epoch). */
  at: z.number().finite(),
  method: z.string().min(1).max(16),
  host: z.string().max(300),
  /** Path without query values, e.g. /v1/predictions/abc. */
  path: z.string().max(2000),
  status: z.number().int().nullable(),
  /** Until the response headers arrived, or until the failure. */
  ms: z.number().finite().nonnegative(),
  /** Short, scrubbed: the provider's detail/title, or the network error's name and message. */
  error: z.string().max(400).optional(),
});
export type DiagnosticEntry = z.infer<typeof DiagnosticEntry>;

/** What a bug report says about the installation, besides the exchanges. */
export interface DiagnosticsMeta {
  version: string;
  userAgent: string;
}

const diagnosticsItem = storage.defineItem<unknown[]>(DIAGNOSTICS_KEY, { fallback: [], version: 1 });

/** Parses stored records one by one: one that no longer validates is dropped, not the whole log. */
export function parseStoredDiagnostics(raw: unknown): DiagnosticEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((record) => {
    const parsed = DiagnosticEntry.safeParse(record);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Every kept exchange, oldest first. */
export async function getDiagnostics(): Promise<DiagnosticEntry[]> {
  return parseStoredDiagnostics(await diagnosticsItem.getValue());
}

/** Calls back with the log (oldest first) whenever it changes; returns the unsubscribe function. */
export function watchDiagnostics(callback: (entries: DiagnosticEntry[]) => void): () => void {
  return diagnosticsItem.watch((value) => callback(parseStoredDiagnostics(value)));
}

// One read-modify-write at a time, so updates made in the same instant are all kept.
const serialized = createSerialQueue();

/** Adds an exchange, dropping the oldest beyond MAX_DIAGNOSTICS; an invalid entry is ignored. */
export function appendDiagnostic(entry: DiagnosticEntry): Promise<void> {
  const parsed = DiagnosticEntry.safeParse(entry);
  if (!parsed.success) return Promise.resolve();
  return serialized(async () => {
    const entries = await getDiagnostics();
    await diagnosticsItem.setValue([...entries, parsed.data].slice(-MAX_DIAGNOSTICS));
  });
}

/**
 * Empties the log. Pages call this while the background may be appending: an exchange recorded in
 * the same few milliseconds can survive the clear, which is harmless for a log.
 */
export function clearDiagnostics(): Promise<void> {
  return serialized(() => diagnosticsItem.setValue([]));
}

/** One line of the report: ISO time, method, host+path, status, ms, error. */
export function formatDiagnosticLine(entry: DiagnosticEntry): string {
  const status = entry.status === null ? 'no-response' : String(entry.status);
  const line = `${new Date(entry.at).toISOString()} ${entry.method} ${entry.host}${entry.path} ${status} ${Math.round(entry.ms)}ms`;
  return entry.error ? `${line} ${entry.error}` : line;
}

/** Plain text for a bug report: a short header, then one line per exchange, oldest first. */
export function formatDiagnostics(entries: readonly DiagnosticEntry[], meta: DiagnosticsMeta): string {
  const ordered = [...entries].sort((a, b) => a.at - b.at);
  const header = [
    'Edit with Kontext diagnostics',
    `Version: ${meta.version}`,
    `Browser: ${meta.userAgent}`,
    `Exchanges: ${entries.length} (oldest first)`,
  ];
  const lines = ordered.length > 0 ? ordered.map(formatDiagnosticLine) : ['(none recorded)'];
  return [...header, '', ...lines, ''].join('\n');
}
