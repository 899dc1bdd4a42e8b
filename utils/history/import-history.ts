import { openKontextDb, type StoredImage } from '../db';
import { imageKey, imageKeys } from '../image-store';
import type { ArchivedEntry, ArchivedImage } from './export-history-manifest';
import { readHistoryRecord } from './history-entry';
import { bumpHistoryRevision } from './history-store';
import { NotAZipError, openZip, type ZipReader } from './history-zip';
import { HistoryImportError, readManifest } from './import-history-manifest';

export { HistoryImportError } from './import-history-manifest';

/** What an import did; nothing already stored is ever replaced or deleted. */
export interface ImportSummary {
  imported: number;
  /** Entries whose id the history (or the images store) already had: left as they are. */
  alreadyThere: number;
  /** Entries skipped because the archive lacks their result picture. */
  missingResult: number;
  /** Records this build cannot read (damaged, or not a history record at all). */
  unreadable: number;
  /** Of the imported: records from a newer version of the extension, kept as they are (see importHistory). */
  newer: number;
}

/** One entry ready to write: the record to store and the pictures found for it. */
interface Prepared {
  id: string;
  record: Record<string, unknown>;
  images: Map<ArchivedImage['role'], StoredImage>;
}

/**
 * Imports a history archive (export-history.ts) into IndexedDB, merging with what is there:
 *
 * - an entry whose id is already stored (or has pictures stored) is skipped, never overwritten;
 * - records go through readHistoryRecord, so older versions are upgraded as they would be on read;
 * - a record from a newer version of the extension (its `v` above ours) is kept as it is, like the
 *   store keeps such records (record-version.ts): this build does not list it, a newer build will;
 * - an entry is imported without its missing pictures only when its result is there, else skipped;
 * - each entry is written with its pictures in one transaction, so the background never sees one
 *   without the other; the history revision is bumped once at the end so open popups read again.
 *
 * The archive is read into memory once; pictures are unpacked a batch at a time (BATCH_BYTES).
 */
export async function importHistory(file: Blob, { batchBytes = BATCH_BYTES }: { batchBytes?: number } = {}): Promise<ImportSummary> {
  const zip = openArchive(new Uint8Array(await file.arrayBuffer()));
  const manifest = readManifest(zip);
  const summary: ImportSummary = { imported: 0, alreadyThere: 0, missingResult: 0, unreadable: 0, newer: 0 };
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const archived of manifest.entries) {
    const read = readHistoryRecord(archived.record);
    if (read.status === 'unreadable') summary.unreadable += 1;
    else if (seen.has(archived.record.id)) summary.alreadyThere += 1;
    else {
      seen.add(archived.record.id);
      const images = archived.images.filter((image, index, all) => all.findIndex((other) => other.role === image.role) === index);
      candidates.push({ archived, images, record: read.status === 'readable' ? read.entry : archived.record, newer: read.status === 'newer' });
    }
  }
  for (const batch of batches(candidates, batchBytes)) {
    const files = readFiles(zip, batch.flatMap((candidate) => candidate.images));
    for (const candidate of batch) {
      const images = intactImages(candidate.images, files);
      if (!images.has('result')) summary.missingResult += 1;
      else if (!(await writeEntry({ id: candidate.archived.record.id, record: candidate.record, images }))) summary.alreadyThere += 1;
      else {
        summary.imported += 1;
        if (candidate.newer) summary.newer += 1;
      }
    }
  }
  if (summary.imported > 0) await bumpHistoryRevision();
  return summary;
}

/** An entry worth importing: its record as it will be stored, and its pictures (one per role). */
interface Candidate {
  archived: ArchivedEntry;
  images: ArchivedImage[];
  record: Record<string, unknown>;
  newer: boolean;
}

/**
 * Pictures are unpacked a few MB at a time: each unpacking walks the archive's whole directory, so one
 * entry at a time would be slow for thousands of edits, and the whole archive at once would double it.
 */
export const BATCH_BYTES = 32_000_000;

function* batches(candidates: readonly Candidate[], batchBytes: number): Generator<Candidate[]> {
  let batch: Candidate[] = [];
  let bytes = 0;
  for (const candidate of candidates) {
    const size = candidate.images.reduce((sum, image) => sum + image.size, 0);
    if (batch.length > 0 && bytes + size > batchBytes) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(candidate);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

/** The named pictures' bytes; a damaged file in the batch makes each picture be read on its own. */
function readFiles(zip: ZipReader, images: readonly ArchivedImage[]): Map<string, Uint8Array> {
  const maxBytes = Math.max(0, ...images.map((image) => image.size));
  try {
    return zip.read(new Set(images.map((image) => image.path)), maxBytes);
  } catch (error) {
    if (!(error instanceof NotAZipError) || images.length === 1) {
      // A damaged picture counts as missing; the rule about the result decides what happens to its entry.
      if (error instanceof NotAZipError) return new Map();
      throw error;
    }
    return new Map(images.flatMap((image) => [...readFiles(zip, [image])]));
  }
}

function openArchive(data: Uint8Array): ZipReader {
  try {
    return openZip(data);
  } catch (error) {
    if (error instanceof NotAZipError) throw new HistoryImportError('This file is not a history export of Edit with Kontext: it is not a zip archive.', { cause: error });
    throw error;
  }
}

/** The pictures that the archive holds intact: present, with the size the manifest gives. */
function intactImages(wanted: readonly ArchivedImage[], files: ReadonlyMap<string, Uint8Array>): Prepared['images'] {
  const images: Prepared['images'] = new Map();
  for (const image of wanted) {
    const bytes = files.get(image.path);
    if (!bytes || bytes.byteLength !== image.size) continue;
    images.set(image.role, { bytes: ownBuffer(bytes), type: image.type, width: image.width, height: image.height });
  }
  return images;
}

function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
}

/** Writes one entry and its pictures unless anything of that id is stored; false when skipped. */
async function writeEntry(entry: Prepared): Promise<boolean> {
  const db = await openKontextDb();
  const tx = db.transaction(['history', 'images'], 'readwrite');
  const history = tx.objectStore('history');
  const images = tx.objectStore('images');
  // A live job of that id (storage.local) has pictures but no history record yet: leave it alone too.
  const taken = (await history.getKey(entry.id)) !== undefined
    || (await Promise.all(imageKeys(entry.id).map((key) => images.getKey(key)))).some((key) => key !== undefined);
  if (!taken) {
    for (const [role, image] of entry.images) await images.put(image, imageKey(entry.id, role));
    await history.put(entry.record);
  }
  await tx.done;
  return !taken;
}

/** One line for people: "3 edits imported, 1 already there." and what was skipped. */
export function describeImport(summary: ImportSummary): string {
  const edits = (n: number) => `${n} ${n === 1 ? 'edit' : 'edits'}`;
  const parts = [`${edits(summary.imported)} imported`, `${summary.alreadyThere} already there`];
  if (summary.missingResult) parts.push(`${edits(summary.missingResult)} skipped because the file lacks their result picture`);
  if (summary.unreadable) parts.push(`${edits(summary.unreadable)} skipped because they cannot be read`);
  let text = `${parts.join(', ')}.`;
  if (summary.newer) text += ` ${edits(summary.newer)} from a newer version of the extension will show once you update it.`;
  return text;
}
