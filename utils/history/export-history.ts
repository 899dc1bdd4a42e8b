import { openKontextDb } from '../db';
import { IMAGE_ROLES, imageKey } from '../image-store';
import {
  extensionFor, HISTORY_ARCHIVE_FORMAT, HISTORY_ARCHIVE_VERSION, MANIFEST_PATH, safePathPart,
  type ArchivedEntry, type ArchivedImage, type HistoryManifest,
} from './export-history-manifest';
import { createZipBlobWriter } from './history-zip';

/** What an export needs from outside: the clock and the extension's version (tests pass fixed ones). */
export interface ExportDeps {
  now: () => number;
  extensionVersion: string;
}

/** The archive and what went into it. */
export interface HistoryExport {
  blob: Blob;
  entries: number;
  images: number;
}

type RawRecord = Record<string, unknown> & { id: string };

/** Every stored history record as it is (any version, even one this build cannot read), oldest first. */
async function readRawRecords(): Promise<RawRecord[]> {
  const db = await openKontextDb();
  const records = (await db.getAll('history')).filter((record): record is RawRecord => typeof record.id === 'string');
  const createdAt = (record: RawRecord) => (typeof record.createdAt === 'number' ? record.createdAt : 0);
  // Oldest first, so a parent comes before the edits made from it when the archive is read back.
  return records.sort((a, b) => createdAt(a) - createdAt(b));
}

/**
 * Builds the history archive: `images/<id>-<role>.<ext>` stored as they are, then `manifest.json`
 * (export-history-manifest.ts). Pictures are read one at a time and handed to the zip writer, which
 * turns them into Blob parts at once (history-zip.ts), so memory holds one picture, not the history.
 */
export async function exportHistory(deps: ExportDeps): Promise<HistoryExport> {
  const db = await openKontextDb();
  const zip = createZipBlobWriter();
  const entries: ArchivedEntry[] = [];
  const usedPaths = new Set<string>();
  let imageCount = 0;
  for (const record of await readRawRecords()) {
    const images: ArchivedImage[] = [];
    for (const role of IMAGE_ROLES) {
      const stored = await db.get('images', imageKey(record.id, role));
      if (!stored) continue;
      const path = uniquePath(`images/${safePathPart(record.id)}-${role}`, extensionFor(stored.type), usedPaths);
      zip.addStored(path, new Uint8Array(stored.bytes));
      images.push({ role, path, type: stored.type, size: stored.bytes.byteLength, width: stored.width, height: stored.height });
      imageCount += 1;
    }
    entries.push({ record, images });
  }
  const manifest: HistoryManifest = {
    format: HISTORY_ARCHIVE_FORMAT,
    formatVersion: HISTORY_ARCHIVE_VERSION,
    exportedAt: new Date(deps.now()).toISOString(),
    extensionVersion: deps.extensionVersion,
    entries,
  };
  zip.addDeflated(MANIFEST_PATH, new TextEncoder().encode(JSON.stringify(manifest, null, 1)));
  return { blob: await zip.finish(), entries: entries.length, images: imageCount };
}

function uniquePath(stem: string, extension: string, used: Set<string>): string {
  let path = `${stem}.${extension}`;
  for (let n = 2; used.has(path); n += 1) path = `${stem}-${n}.${extension}`;
  used.add(path);
  return path;
}

/** `kontext-history-YYYY-MM-DD.zip`, in the user's local date. */
export function exportFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `kontext-history-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.zip`;
}
