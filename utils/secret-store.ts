import { storage } from 'wxt/utils/storage';
import { openKontextDb } from './db';
import type { Provider } from './settings';
import { getSettings } from './settings-store';

/**
 * One key per provider, so switching provider and back never loses a key. Replicate's keeps the names
 * the first builds used (no migration); Black Forest Labs' has its own.
 */
const DB_KEY_OF: Record<Provider, string> = { replicate: 'apiKey', bfl: 'apiKey:bfl' };

/**
 * "Remember the key only until the browser closes": the key then lives in storage.session, which the
 * browser empties when it closes, instead of IndexedDB. storage.session is readable only by the
 * extension's own pages and worker by default (Chrome's TRUSTED_CONTEXTS access level; we never call
 * setAccessLevel to widen it), so content scripts cannot read the key there either.
 * https://developer.chrome.com/docs/extensions/reference/api/storage#storage_areas
 */
export const SESSION_KEY_ITEM = 'session:apiKey';
/** Black Forest Labs' key when it is kept for the session only. */
export const BFL_SESSION_KEY_ITEM = 'session:apiKey:bfl';
/** The choice itself is remembered (not secret), so a key saved later goes to the chosen place. */
export const KEY_SESSION_ONLY_ITEM = 'local:apiKeySessionOnly';

const sessionKeys: Record<Provider, ReturnType<typeof storage.defineItem<string | null>>> = {
  replicate: storage.defineItem<string | null>(SESSION_KEY_ITEM, { fallback: null }),
  bfl: storage.defineItem<string | null>(BFL_SESSION_KEY_ITEM, { fallback: null }),
};
const sessionOnly = storage.defineItem<boolean>(KEY_SESSION_ONLY_ITEM, { fallback: false });
const PROVIDERS = Object.keys(DB_KEY_OF) as Provider[];

async function getDbKey(provider: Provider): Promise<string | undefined> {
  const db = await openKontextDb();
  const key: unknown = await db.get('secrets', DB_KEY_OF[provider]);
  return typeof key === 'string' && key ? key : undefined;
}

async function setDbKey(provider: Provider, key: string | undefined): Promise<void> {
  const db = await openKontextDb();
  if (key) await db.put('secrets', key, DB_KEY_OF[provider]);
  else await db.delete('secrets', DB_KEY_OF[provider]);
}

async function setSessionKey(provider: Provider, key: string | undefined): Promise<void> {
  if (key) await sessionKeys[provider].setValue(key);
  else await sessionKeys[provider].removeValue();
}

async function chosenProvider(provider: Provider | undefined): Promise<Provider> {
  return provider ?? (await getSettings()).provider;
}

/**
 * The saved API key of `provider` (default: the provider chosen in the settings), or undefined:
 * whichever store holds it, the session first. Only extension pages and the service worker can call this.
 */
export async function getApiKey(provider?: Provider): Promise<string | undefined> {
  const which = await chosenProvider(provider);
  const inSession = await sessionKeys[which].getValue().catch(() => null);
  return inSession || (await getDbKey(which));
}

/**
 * Saves the API key of `provider` (default: the chosen one), never synced, never logged, where the
 * user chose; an empty key removes it from both stores. The other provider's key is left alone.
 */
export async function setApiKey(key: string, provider?: Provider): Promise<void> {
  const which = await chosenProvider(provider);
  const session = await isKeySessionOnly();
  // Written to the chosen store first, removed from the other after: a failure in between leaves a key, never none.
  if (session) {
    await setSessionKey(which, key || undefined);
    await setDbKey(which, undefined);
  } else {
    await setDbKey(which, key || undefined);
    await setSessionKey(which, undefined);
  }
}

/** Every provider's saved key (absent when none), for the options page to swap keys as the provider changes. */
export async function getApiKeys(): Promise<Partial<Record<Provider, string>>> {
  const keys: Partial<Record<Provider, string>> = {};
  for (const provider of PROVIDERS) {
    const key = await getApiKey(provider);
    if (key) keys[provider] = key;
  }
  return keys;
}

/** Whether the keys are kept only until the browser closes. */
export async function isKeySessionOnly(): Promise<boolean> {
  return (await sessionOnly.getValue()) === true;
}

/** Switches where the keys are kept, moving every saved key to the other store. */
export async function setKeySessionOnly(on: boolean): Promise<void> {
  const keys = await getApiKeys();
  await sessionOnly.setValue(on);
  for (const [provider, key] of Object.entries(keys) as [Provider, string][]) await setApiKey(key, provider);
}
