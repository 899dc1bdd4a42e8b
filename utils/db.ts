import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The extension's IndexedDB. It lives in the extension's origin, so web pages and content scripts
 * (which run with the page's origin) cannot open it — unlike `storage.local`, which content scripts
 * can read. That makes it the place for the API key and for image bytes.
 */
export const DB_NAME = 'edit-with-kontext';
export const DB_VERSION = 2;

/** Image bytes as stored: an ArrayBuffer (structured-clones everywhere) with its MIME type. */
export interface StoredImage {
  bytes: ArrayBuffer;
  type: string;
  width?: number;
  height?: number;
}

export interface KontextDb extends DBSchema {
  secrets: { key: string; value: string };
  images: { key: string; value: StoredImage };
  /** Finished edits (history/history-store.ts): records of any version, read through its upgrade. */
  history: { key: string; value: Record<string, unknown>; indexes: { createdAt: number; treeId: string } };
}

let opening: Promise<IDBPDatabase<KontextDb>> | undefined;

/** Opens (once per context) the database, creating or upgrading its stores. */
export function openKontextDb(): Promise<IDBPDatabase<KontextDb>> {
  opening ??= openDB<KontextDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('secrets')) db.createObjectStore('secrets');
      if (!db.objectStoreNames.contains('images')) db.createObjectStore('images');
      if (!db.objectStoreNames.contains('history')) {
        const history = db.createObjectStore('history', { keyPath: 'id' });
        history.createIndex('createdAt', 'createdAt');
        history.createIndex('treeId', 'treeId');
      }
    },
  }).catch((error: unknown) => {
    // A newer build already upgraded the database (the user went back a version): open it as it is.
    // Its stores are a superset of ours, and records we cannot read are kept, not dropped.
    if (error instanceof DOMException && error.name === 'VersionError') return openDB<KontextDb>(DB_NAME);
    throw error;
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Forgets the cached connection (tests delete the database between cases). */
export async function closeKontextDb(): Promise<void> {
  const db = await opening?.catch(() => undefined);
  db?.close();
  opening = undefined;
}
