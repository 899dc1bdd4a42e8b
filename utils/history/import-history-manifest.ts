import type { z } from 'zod';
import { HISTORY_ARCHIVE_VERSION, HistoryManifest, MANIFEST_PATH, ManifestHeader } from './export-history-manifest';
import { NotAZipError, type ZipReader } from './history-zip';

/** A file that cannot be imported; the message is for people and says why. */
export class HistoryImportError extends Error {
  override name = 'HistoryImportError';
}

/** A manifest larger than this is not one we wrote (thousands of edits take a few MB). */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

const NOT_AN_EXPORT = 'This file is not a history export of Edit with Kontext';

/** Reads and checks `manifest.json`: the archive is a file the user picked, so nothing is trusted. */
export function readManifest(zip: ZipReader): HistoryManifest {
  const info = zip.files.find((file) => file.name === MANIFEST_PATH);
  if (!info) throw new HistoryImportError(`${NOT_AN_EXPORT}: it has no ${MANIFEST_PATH}.`);
  if (info.originalSize > MAX_MANIFEST_BYTES) throw new HistoryImportError(`${NOT_AN_EXPORT}: its ${MANIFEST_PATH} is far too large.`);
  let bytes: Uint8Array | undefined;
  try {
    bytes = zip.read(new Set([MANIFEST_PATH]), MAX_MANIFEST_BYTES).get(MANIFEST_PATH);
  } catch (error) {
    if (error instanceof NotAZipError) throw new HistoryImportError(`The file is damaged: ${error.message}.`, { cause: error });
    throw error;
  }
  if (!bytes) throw new HistoryImportError(`The file is damaged: its ${MANIFEST_PATH} cannot be unpacked.`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HistoryImportError(`${NOT_AN_EXPORT}: its ${MANIFEST_PATH} is not valid JSON.`);
  }
  const header = ManifestHeader.safeParse(json);
  if (!header.success) throw new HistoryImportError(`${NOT_AN_EXPORT}.`);
  if (header.data.formatVersion > HISTORY_ARCHIVE_VERSION) {
    throw new HistoryImportError(
      `This history export was made by a newer version of Edit with Kontext (format ${header.data.formatVersion}). Update the extension, then import it again.`,
    );
  }
  const manifest = HistoryManifest.safeParse(json);
  if (!manifest.success) throw new HistoryImportError(`The history export is damaged: ${firstIssue(manifest.error)}.`);
  return manifest.data;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
