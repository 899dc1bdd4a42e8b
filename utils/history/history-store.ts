import { storage } from 'wxt/utils/storage';
import { openKontextDb } from '../db';
import { imageKeys } from '../image-store';
import { readHistoryRecord, type HistoryEntry } from './history-entry';

/**
 * The history: finished edits in IndexedDB (thousands fit; storage.local would rewrite one growing
 * list on every change). IndexedDB has no change events across the extension's pages, so every write
 * also bumps `historyRevision` in storage.local, which pages watch to know when to read again.
 */
export const HISTORY_REVISION_KEY = 'local:historyRevision';

const revisionItem = storage.defineItem<number>(HISTORY_REVISION_KEY, { fallback: 0 });

/** Readable entries of a list of stored records; newer-build and unreadable records are left where they are. */
function readable(records: unknown[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const record of records) {
    const read = readHistoryRecord(record);
    if (read.status === 'readable') entries.push(read.entry);
    else if (read.status === 'unreadable') console.warn('Edit with Kontext: a history record cannot be read.', read.reason, record);
  }
  return entries;
}

/** Every finished edit, newest first; with `limit`, only the newest ones (a first screenful, read fast). */
export async function listHistory(limit?: number): Promise<HistoryEntry[]> {
  const db = await openKontextDb();
  if (limit === undefined) return readable(await db.getAllFromIndex('history', 'createdAt')).reverse();
  const records: unknown[] = [];
  let cursor = await db.transaction('history').store.index('createdAt').openCursor(null, 'prev');
  while (cursor && records.length < limit) {
    records.push(cursor.value);
    cursor = await cursor.continue();
  }
  return readable(records);
}

/** How many records the history holds (including any this build cannot read). */
export async function countHistory(): Promise<number> {
  const db = await openKontextDb();
  return db.count('history');
}

/** Every version of one source picture, oldest first. */
export async function listTree(treeId: string): Promise<HistoryEntry[]> {
  const db = await openKontextDb();
  const records = await db.getAllFromIndex('history', 'treeId', treeId);
  return readable(records).sort((a, b) => a.createdAt - b.createdAt);
}

/** One entry, or undefined when there is none (or it is a newer build's). */
export async function getHistoryEntry(id: string): Promise<HistoryEntry | undefined> {
  const db = await openKontextDb();
  const record = await db.get('history', id);
  if (record === undefined) return undefined;
  const read = readHistoryRecord(record);
  return read.status === 'readable' ? read.entry : undefined;
}

/** Stores entries (new or replaced). Does not bump the revision: callers do, with their other writes. */
export async function putHistoryEntries(entries: readonly HistoryEntry[]): Promise<void> {
  const db = await openKontextDb();
  const tx = db.transaction('history', 'readwrite');
  await Promise.all([...entries.map((entry) => tx.store.put(entry)), tx.done]);
}

/**
 * Deletes one version and its pictures, in one transaction. Its children (edits made from it) are
 * kept and hang from its parent instead, so deleting a version in the middle never loses the rest.
 * Returns false when there was no such entry.
 */
export async function deleteHistoryEntry(id: string): Promise<boolean> {
  const db = await openKontextDb();
  const tx = db.transaction(['history', 'images'], 'readwrite');
  const history = tx.objectStore('history');
  const record = await history.get(id);
  if (record === undefined) {
    await tx.done;
    return false;
  }
  const read = readHistoryRecord(record);
  const parentId = read.status === 'readable' ? read.entry.parentId : undefined;
  const treeId = read.status === 'readable' ? read.entry.treeId : undefined;
  const siblings = treeId === undefined ? [] : readable(await history.index('treeId').getAll(treeId));
  for (const child of siblings.filter((entry) => entry.parentId === id)) {
    await history.put({ ...child, parentId });
  }
  await history.delete(id);
  const images = tx.objectStore('images');
  for (const key of imageKeys(id)) await images.delete(key);
  await tx.done;
  await bumpHistoryRevision();
  return true;
}

/** Deletes every entry and its pictures; returns how many entries there were. */
export async function clearHistory(): Promise<number> {
  const db = await openKontextDb();
  const tx = db.transaction(['history', 'images'], 'readwrite');
  const ids = await tx.objectStore('history').getAllKeys();
  const images = tx.objectStore('images');
  for (const id of ids) {
    for (const key of imageKeys(id)) await images.delete(key);
  }
  await tx.objectStore('history').clear();
  await tx.done;
  await bumpHistoryRevision();
  return ids.length;
}

/** The current revision (changes whenever the history does). */
export function getHistoryRevision(): Promise<number> {
  return revisionItem.getValue();
}

/** Marks the history as changed, for the pages that show it. */
export async function bumpHistoryRevision(): Promise<void> {
  await revisionItem.setValue((await revisionItem.getValue()) + 1);
}

/** The storage item to write together with other storage.local keys (one change event for both). */
export const historyRevisionItem = revisionItem;

/** Calls back whenever the history changed; returns the unsubscribe function. */
export function watchHistory(callback: () => void): () => void {
  return revisionItem.watch(() => callback());
}
