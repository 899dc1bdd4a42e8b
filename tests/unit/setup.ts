// IndexedDB for the stores that keep the API key, image bytes and the history (extension-origin IndexedDB in the browser).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeKontextDb } from '../../utils/db';

beforeEach(async () => {
  fakeBrowser.reset();
  // Every test starts with an empty database, as a fresh profile does.
  await closeKontextDb();
  globalThis.indexedDB = new IDBFactory();
});
