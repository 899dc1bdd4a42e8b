import { openKontextDb, type StoredImage } from './db';

/** Which picture of a job: what was sent, what came back, and small previews of both. */
export type ImageRole = 'input' | 'result' | 'input-thumb' | 'result-thumb';

/** The IndexedDB key of one picture of one job. */
export function imageKey(jobId: string, role: ImageRole): string {
  return `${jobId}:${role}`;
}

/** Stores a picture of a job. */
export async function putJobImage(jobId: string, role: ImageRole, blob: Blob, size?: { width: number; height: number }): Promise<void> {
  const db = await openKontextDb();
  const record: StoredImage = { bytes: await blob.arrayBuffer(), type: blob.type, ...size };
  await db.put('images', record, imageKey(jobId, role));
}

/** Reads a picture of a job back as a Blob, or undefined when there is none. */
export async function getJobImage(jobId: string, role: ImageRole): Promise<Blob | undefined> {
  const db = await openKontextDb();
  const record = await db.get('images', imageKey(jobId, role));
  return record ? new Blob([record.bytes], { type: record.type }) : undefined;
}

export const IMAGE_ROLES: readonly ImageRole[] = ['input', 'result', 'input-thumb', 'result-thumb'];

/** The keys of every picture a job may have. */
export function imageKeys(jobId: string): string[] {
  return IMAGE_ROLES.map((role) => imageKey(jobId, role));
}

/** Deletes every picture of a job. */
export async function deleteJobImages(jobId: string): Promise<void> {
  const db = await openKontextDb();
  const tx = db.transaction('images', 'readwrite');
  await Promise.all([...imageKeys(jobId).map((key) => tx.store.delete(key)), tx.done]);
}

/** Ids of every stored picture whose id starts with `prefix` (e.g. the prepared inputs of menu clicks). */
export async function listImageIds(prefix: string): Promise<string[]> {
  const db = await openKontextDb();
  const keys = await db.getAllKeys('images', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  return [...new Set(keys.map((key) => key.slice(0, key.lastIndexOf(':'))))];
}
