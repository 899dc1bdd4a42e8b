// In-memory stores: files uploaded through the Files API and output files served for download.
import { createHash } from 'node:crypto';
import { randomId } from './ids';

/** A file uploaded with POST /v1/files. */
export interface StoredFile {
  id: string;
  owner: string;
  name: string;
  contentType: string;
  data: Buffer;
  metadata: unknown;
  createdAt: number;
  expiresAt: number;
}

/** Files API uploads expire after a day. */
export const FILE_LIFETIME_MS = 24 * 3_600_000;

/** Uploaded files by id; expired files read as absent. */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();

  constructor(private readonly now: () => number) {}

  /** Stores a new upload. */
  add(owner: string, name: string, contentType: string, data: Buffer, metadata: unknown): StoredFile {
    const createdAt = this.now();
    const file: StoredFile = {
      id: randomId(26), owner, name, contentType, data, metadata, createdAt, expiresAt: createdAt + FILE_LIFETIME_MS,
    };
    this.files.set(file.id, file);
    return file;
  }

  /** A live file, or undefined. */
  get(id: string): StoredFile | undefined {
    const file = this.files.get(id);
    return file && file.expiresAt > this.now() ? file : undefined;
  }

  /** Live files of an owner, newest first. */
  listOf(owner: string): StoredFile[] {
    return [...this.files.values()].filter((f) => f.owner === owner && f.expiresAt > this.now()).reverse();
  }

  /** Deletes; false when absent. */
  delete(id: string): boolean {
    return this.files.delete(id);
  }
}

/** Files of the delivery server, by path. */
export class OutputStore {
  private readonly files = new Map<string, { data: Buffer; contentType: string }>();

  /** Adds a file under a fresh path like /xezq/<random>/out-0.png. */
  add(data: Buffer, ext: string, contentType: string): string {
    const path = `/xezq/${randomId(43, true)}/out-0.${ext}`;
    this.files.set(path, { data, contentType });
    return path;
  }

  /** The file at a path. */
  get(path: string): { data: Buffer; contentType: string } | undefined {
    return this.files.get(path);
  }

  /** Removes (retention). */
  delete(path: string): void {
    this.files.delete(path);
  }
}

/** Hex sha256 for the Files API checksums. */
export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
