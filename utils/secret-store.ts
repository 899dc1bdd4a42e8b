import { openKontextDb } from './db';

const API_KEY = 'apiKey';

/** The saved API key, or undefined. Only extension pages and the service worker can call this. */
export async function getApiKey(): Promise<string | undefined> {
  const db = await openKontextDb();
  const key = await db.get('secrets', API_KEY);
  return key || undefined;
}

/** Saves the API key (never synced, never logged). An empty key removes it. */
export async function setApiKey(key: string): Promise<void> {
  const db = await openKontextDb();
  if (key) await db.put('secrets', key, API_KEY);
  else await db.delete('secrets', API_KEY);
}
