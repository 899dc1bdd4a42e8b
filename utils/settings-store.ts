import { storage } from 'wxt/utils/storage';
import { upgradeRecord, type RecordVersioning } from './record-version';
import { parseStoredSettings, type Settings } from './settings';

/** Storage key of the settings (not secret: the API key is kept in the secret store). */
export const SETTINGS_KEY = 'local:settings';

/** Version of the stored settings record; bump it together with a migration below. */
export const SETTINGS_SCHEMA_VERSION = 1;

/** How stored settings are upgraded (record-version.ts). The first builds stored them without `v`. */
export const SETTINGS_VERSIONING: RecordVersioning = { current: SETTINGS_SCHEMA_VERSION, unversioned: 1, migrations: {} };

const settingsItem = storage.defineItem<unknown>(SETTINGS_KEY, { fallback: {}, version: 1 });

/**
 * Settings as stored, upgraded and validated. Settings from a newer build are read as far as they
 * still validate (parseStoredSettings keeps each valid field) rather than thrown away.
 */
export function readStoredSettings(raw: unknown, versioning: RecordVersioning = SETTINGS_VERSIONING): Settings {
  const upgraded = upgradeRecord(raw ?? {}, versioning);
  if (upgraded.status !== 'readable') return parseStoredSettings(raw);
  const { v: _version, ...record } = upgraded.record;
  return parseStoredSettings(record);
}

/** Current settings, validated on the way out of storage. */
export async function getSettings(): Promise<Settings> {
  return readStoredSettings(await settingsItem.getValue());
}

/** Saves settings that have already been validated, stamped with their schema version. */
export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue({ v: SETTINGS_SCHEMA_VERSION, ...settings });
}

/** Calls back with fresh settings whenever they change; returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(readStoredSettings(value)));
}
