// IndexedDB for the stores that keep the API key and image bytes (extension-origin IndexedDB in the browser).
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
