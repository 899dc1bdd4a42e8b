import { unzipSync, Zip, ZipDeflate, ZipPassThrough, type UnzipFileInfo } from 'fflate';

/**
 * Thin wrappers over fflate (https://github.com/101arrowz/fflate) for the history archive.
 *
 * Writing streams: every chunk fflate emits is turned into a Blob at once, and the archive is a Blob
 * of those Blobs. The browser may keep Blob bytes outside the JS heap (Chrome pages large ones to
 * disk), so exporting a history of hundreds of MB never holds it twice in memory.
 */
export interface ZipBlobWriter {
  /** Adds a file stored as is: pictures are compressed already. */
  addStored(path: string, bytes: Uint8Array): void;
  /** Adds a file compressed with DEFLATE (the manifest). */
  addDeflated(path: string, bytes: Uint8Array): void;
  /** Writes the central directory and returns the archive. */
  finish(): Promise<Blob>;
}

/**
 * fflate writes no ZIP64 records: offsets and sizes are 32-bit and the file count 16-bit. Past these
 * it would write a damaged archive, so the writer refuses first (some 16,000 edits or 4 GB).
 */
export const ZIP_MAX_BYTES = 0xffff_ffff - 1_000_000;
export const ZIP_MAX_FILES = 0xffff;

/** The archive would exceed what a plain (non-ZIP64) zip file can hold. */
export class ZipTooLargeError extends Error {
  override name = 'ZipTooLargeError';
}

/** A zip archive built into a Blob as it goes (see the module comment). */
export function createZipBlobWriter(type = 'application/zip', limits = { bytes: ZIP_MAX_BYTES, files: ZIP_MAX_FILES }): ZipBlobWriter {
  const parts: Blob[] = [];
  let written = 0;
  let files = 0;
  // One file's chunks (header, data, descriptor): one Blob per file, not thousands of tiny ones.
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let failure: Error | null = null;
  let done: (() => void) | undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else if (chunk.length > 0) pending.push(chunk as Uint8Array<ArrayBuffer>);
    if (final || error) done?.();
  });
  // The chunks may be views of the caller's buffer: copying them into a Blob lets that buffer go.
  const flush = () => {
    if (pending.length > 0) parts.push(new Blob(pending));
    pending = [];
    if (failure) throw failure;
  };
  const add = (file: ZipPassThrough | ZipDeflate, bytes: Uint8Array) => {
    if (failure) throw failure;
    // Headers, descriptor and directory record take about 150 bytes plus the name twice.
    written += bytes.byteLength + 150 + 2 * file.filename.length;
    files += 1;
    if (written > limits.bytes || files > limits.files) {
      const limit = files > limits.files ? `${limits.files} files` : `${Math.floor(limits.bytes / 1e6)} MB`;
      throw new ZipTooLargeError(`it is too large for one zip file (more than ${limit})`);
    }
    zip.add(file);
    file.push(bytes, true);
    flush();
  };
  return {
    addStored: (path, bytes) => add(new ZipPassThrough(path), bytes),
    addDeflated: (path, bytes) => add(new ZipDeflate(path, { level: 6 }), bytes),
    async finish() {
      if (failure) throw failure;
      zip.end();
      await finished;
      flush();
      return new Blob(parts, { type });
    },
  };
}

/** A zip archive opened for reading: its directory, and its files read on demand. */
export interface ZipReader {
  /** Every file in the archive, as its directory lists it. */
  files: readonly UnzipFileInfo[];
  /** The named files' bytes (each at most `maxBytes` once unpacked); names not in the archive are absent. */
  read(names: ReadonlySet<string>, maxBytes: number): Map<string, Uint8Array>;
}

/** Thrown when the bytes are not a zip archive fflate can read. */
export class NotAZipError extends Error {
  override name = 'NotAZipError';
}

/**
 * Opens a zip archive held in memory. Only the files asked for are unpacked, one call at a time, so
 * importing needs the archive's size plus one edit's pictures, not twice the archive.
 */
export function openZip(data: Uint8Array): ZipReader {
  const files: UnzipFileInfo[] = [];
  try {
    unzipSync(data, { filter: (file) => (files.push(file), false) });
  } catch (error) {
    throw new NotAZipError(`not a zip archive (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return {
    files,
    read(names, maxBytes) {
      const wanted = (file: UnzipFileInfo) => names.has(file.name) && file.originalSize <= maxBytes && (file.compression === 0 || file.compression === 8);
      let unpacked: Record<string, Uint8Array>;
      try {
        unpacked = unzipSync(data, { filter: wanted });
      } catch (error) {
        throw new NotAZipError(`damaged zip archive (${error instanceof Error ? error.message : String(error)})`, { cause: error });
      }
      return new Map(Object.entries(unpacked));
    },
  };
}
