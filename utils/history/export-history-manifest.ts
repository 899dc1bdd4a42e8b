import { z } from 'zod';

/**
 * `manifest.json` of a history archive. The records inside are the stored history records as they
 * are (each with its own `v`), so the archive format only changes when its layout does: a reader
 * upgrades old records the same way it upgrades what IndexedDB holds (history-entry.ts).
 */
export const HISTORY_ARCHIVE_FORMAT = 'edit-with-kontext-history';
/** Layout version of the archive; bump it when the manifest changes in a way older readers cannot skip. */
export const HISTORY_ARCHIVE_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

export const ArchivedImageRole = z.enum(['input', 'result', 'input-thumb', 'result-thumb']);

/** One picture of an edit: where it is in the archive and what the images store keeps with it. */
export const ArchivedImage = z.object({
  role: ArchivedImageRole,
  path: z.string().min(1).max(500),
  /** Only image types: the bytes are shown in the extension's pages as they are. */
  type: z.string().regex(/^image\/[a-z0-9.+-]+$/i),
  size: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type ArchivedImage = z.infer<typeof ArchivedImage>;

/**
 * One history record and its pictures. The record is checked here only as far as the history store
 * needs it (its key and indexes); its full shape is checked by readHistoryRecord when it is imported.
 */
export const ArchivedEntry = z.object({
  record: z.looseObject({ id: z.string().min(1) }),
  images: z.array(ArchivedImage).max(8),
});
export type ArchivedEntry = z.infer<typeof ArchivedEntry>;

/** Just enough to tell the archive apart from any other file, and its layout version. */
export const ManifestHeader = z.object({
  format: z.literal(HISTORY_ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
});

export const HistoryManifest = z.object({
  format: z.literal(HISTORY_ARCHIVE_FORMAT),
  formatVersion: z.literal(HISTORY_ARCHIVE_VERSION),
  /** ISO 8601. */
  exportedAt: z.string(),
  extensionVersion: z.string(),
  entries: z.array(ArchivedEntry),
});
export type HistoryManifest = z.infer<typeof HistoryManifest>;

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif', 'image/avif': 'avif',
};

/** File extension for a picture's MIME type. */
export function extensionFor(type: string): string {
  return EXTENSIONS[type.toLowerCase()] ?? 'bin';
}

/** A path segment from an id: ids are UUIDs, but nothing in a file name should depend on that. */
export function safePathPart(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100) || '_';
}
