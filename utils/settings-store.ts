import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseStoredSettings, type Settings } from './settings';

/** Storage key of the settings (not secret: the API key is kept in the secret store). */
export const SETTINGS_KEY = 'local:settings';

const settingsItem = storage.defineItem<Settings>(SETTINGS_KEY, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Current settings, validated on the way out of storage. */
export async function getSettings(): Promise<Settings> {
  return parseStoredSettings(await settingsItem.getValue());
}

/** Saves settings that have already been validated. */
export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
}

/** Calls back with fresh settings whenever they change; returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseStoredSettings(value)));
}
