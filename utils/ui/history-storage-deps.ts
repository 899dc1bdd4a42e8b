import { browser } from 'wxt/browser';
import { exportHistory, type HistoryExport } from '../history/export-history';
import { countHistory, watchHistory } from '../history/history-store';
import { importHistory, type ImportSummary } from '../history/import-history';

/** Storage figures as `navigator.storage.estimate()` gives them (either may be missing). */
export interface StorageFigures {
  usage?: number;
  quota?: number;
}

/** What the History and storage section reads and does; tests pass fakes. */
export interface HistoryStorageDeps {
  estimate: () => Promise<StorageFigures>;
  /** Whether the browser keeps the storage under pressure; undefined when it does not say. */
  persisted: () => Promise<boolean | undefined>;
  countEdits: () => Promise<number>;
  /** Calls back when the history changes; returns the unsubscribe function. */
  watch: (callback: () => void) => () => void;
  exportHistory: () => Promise<HistoryExport>;
  importHistory: (file: Blob) => Promise<ImportSummary>;
  /** Hands a file to the browser's downloads. */
  save: (blob: Blob, filename: string) => Promise<void>;
  now: () => number;
}

/** Long enough for any download to have read the blob; the listener below usually revokes sooner. */
const REVOKE_AFTER_MS = 10 * 60_000;

/** Saves a Blob through browser.downloads (the extension has the permission), then frees its URL. */
export async function saveBlob(blob: Blob, filename: string): Promise<void> {
  const url = URL.createObjectURL(blob);
  let id: number | undefined;
  const revoke = () => {
    URL.revokeObjectURL(url);
    browser.downloads.onChanged.removeListener(onChanged);
    clearTimeout(timer);
  };
  const onChanged = (delta: { id: number; state?: { current?: string } }) => {
    if (delta.id === id && delta.state?.current && delta.state.current !== 'in_progress') revoke();
  };
  const timer = setTimeout(revoke, REVOKE_AFTER_MS);
  browser.downloads.onChanged.addListener(onChanged);
  try {
    id = await browser.downloads.download({ url, filename, saveAs: false });
  } catch (error) {
    revoke();
    throw error;
  }
}

/** The estimate, or nothing when the browser has no StorageManager (older Firefox for Android). */
export async function estimateStorage(): Promise<StorageFigures> {
  if (!navigator.storage?.estimate) return {};
  const { usage, quota } = await navigator.storage.estimate();
  return { usage, quota };
}

/**
 * Whether the storage is persistent, asking for it when not: Firefox grants it without a prompt to an
 * extension with `unlimitedStorage` (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/permissions#unlimitedstorage);
 * Chrome refuses it to extensions, whose IndexedDB stays subject to eviction (https://crbug.com/1209236).
 */
export async function persistStorage(): Promise<boolean | undefined> {
  if (!navigator.storage?.persisted) return undefined;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist ? navigator.storage.persist() : false;
}

export const browserHistoryStorageDeps: HistoryStorageDeps = {
  estimate: estimateStorage,
  persisted: persistStorage,
  countEdits: countHistory,
  watch: watchHistory,
  exportHistory: () => exportHistory({ now: () => Date.now(), extensionVersion: browser.runtime.getManifest().version }),
  importHistory,
  save: saveBlob,
  now: () => Date.now(),
};
