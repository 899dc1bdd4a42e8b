import { storage } from 'wxt/utils/storage';
import { openKontextDb } from './db';

const API_KEY = 'apiKey';

/**
 * "Remember the key only until the browser closes": the key then lives in storage.session, which the
 * browser empties when it closes, instead of IndexedDB. storage.session is readable only by the
 * extension's own pages and worker by default (Chrome's TRUSTED_CONTEXTS access level; we never call
 * setAccessLevel to widen it), so content scripts cannot read the key there either.
 * https://developer.chrome.com/docs/extensions/reference/api/storage#storage_areas
 */
export const SESSION_KEY_ITEM = 'session:apiKey';
/** The choice itself is remembered (not secret), so a key saved later goes to the chosen place. */
export const KEY_SESSION_ONLY_ITEM = 'local:apiKeySessionOnly';

const sessionKey = storage.defineItem<string | null>(SESSION_KEY_ITEM, { fallback: null });
const sessionOnly = storage.defineItem<boolean>(KEY_SESSION_ONLY_ITEM, { fallback: false });

async function getDbKey(): Promise<string | undefined> {
  const db = await openKontextDb();
  const key: unknown = await db.get('secrets', API_KEY);
  return typeof key === 'string' && key ? key : undefined;
}

async function setDbKey(key: string | undefined): Promise<void> {
  const db = await openKontextDb();
  if (key) await db.put('secrets', key, API_KEY);
  else await db.delete('secrets', API_KEY);
}

async function setSessionKey(key: string | undefined): Promise<void> {
  if (key) await sessionKey.setValue(key);
  else await sessionKey.removeValue();
}

/** The saved API key, or undefined: whichever store holds it, the session first. Only extension pages and the service worker can call this. */
export async function getApiKey(): Promise<string | undefined> {
  const inSession = await sessionKey.getValue().catch(() => null);
  return inSession || (await getDbKey());
}

/** Saves the API key (never synced, never logged) where the user chose; an empty key removes it from both. */
export async function setApiKey(key: string): Promise<void> {
  const session = await isKeySessionOnly();
  // Written to the chosen store first, removed from the other after: a failure in between leaves a key, never none.
  if (session) {
    await setSessionKey(key || undefined);
    await setDbKey(undefined);
  } else {
    await setDbKey(key || undefined);
    await setSessionKey(undefined);
  }
}

/** Whether the key is kept only until the browser closes. */
export async function isKeySessionOnly(): Promise<boolean> {
  return (await sessionOnly.getValue()) === true;
}

/** Switches where the key is kept, moving a saved key to the other store. */
export async function setKeySessionOnly(on: boolean): Promise<void> {
  const key = await getApiKey();
  await sessionOnly.setValue(on);
  if (key) await setApiKey(key);
}
