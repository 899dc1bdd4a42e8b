/**
 * Playwright fixtures for end-to-end tests of the built extension. Import `test` and `expect` from here:
 *
 *   import { expect, test } from './fixtures';
 *   test('edits an image', async ({ page, site, api, serviceWorker, openPopup }) => { ... });
 *
 * Every test gets its own API double, static site, Chromium profile and downloads folder.
 */
import { test as base } from '@playwright/test';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { startApiDouble } from '../double';
import type { ApiDouble, DoubleOptions } from '../double';
import { launchExtensionBrowser } from './browser';
import type { ExtensionBrowser } from './browser';
import { claimTab, openExtensionPage, stopServiceWorker, waitForExtensionId, wakeServiceWorker } from './extension';
import { startStaticSite } from './static-site';
import type { StaticSite } from './static-site';

export { expect } from '@playwright/test';
export { rightClickImageAndChoose, screenPointOf } from './right-click';
export { MENU_ITEM_ID, waitForMenuReady } from './extension';
export { listDownloads, waitForDownload } from './downloads';

/** Fixtures added to Playwright's `test`. */
export interface ExtensionFixtures {
  /** Extra options of the double (`test.use({ apiOptions: { timing: {...} } })`); tls and outputBaseUrl are fixed. */
  apiOptions: DoubleOptions;
  /** The Replicate double, reached by the browser as https://api.replicate.com and https://replicate.delivery. */
  api: ApiDouble;
  /** The static test pages on 127.0.0.1, plus a second origin for cross-origin images. */
  site: StaticSite;
  /** The launched browser (context + downloads folder); most tests use `context` instead. */
  extensionBrowser: ExtensionBrowser;
  /** The extension's id, read from its service worker URL. */
  extensionId: string;
  /** The extension's running service worker; wakes it first when it is stopped. */
  serviceWorker: () => Promise<Worker>;
  /** Stops the service worker like Chrome's idle timeout (in-flight fetches die). */
  stopServiceWorker: () => Promise<void>;
  /** Opens popup.html in a new tab. */
  openPopup: () => Promise<Page>;
  /** Opens options.html in a new tab. */
  openOptions: () => Promise<Page>;
  /** Folder Chromium saves downloads into. */
  downloadsDir: string;
}

/** Playwright's `test` with the extension loaded in headed Chromium against the local double. */
export const test = base.extend<ExtensionFixtures>({
  apiOptions: [{}, { option: true }],

  api: async ({ apiOptions }, use) => {
    const api = await startApiDouble({ ...apiOptions, tls: true, outputBaseUrl: 'https://replicate.delivery' });
    await use(api);
    await api.close();
  },

  site: async ({}, use) => {
    const site = await startStaticSite();
    await use(site);
    await site.close();
  },

  extensionBrowser: async ({ api }, use) => {
    const browser = await launchExtensionBrowser({ apiPort: api.apiPort, filesPort: api.filesPort });
    await use(browser);
    await browser.close();
  },

  context: async ({ extensionBrowser }, use) => {
    await use(extensionBrowser.context);
  },

  page: async ({ context }, use) => {
    await use(await claimTab(context));
  },

  extensionId: async ({ context }, use) => {
    await use(await waitForExtensionId(context));
  },

  serviceWorker: async ({ context, extensionId }, use) => {
    await use(() => wakeServiceWorker(context, extensionId));
  },

  stopServiceWorker: async ({ context, extensionId }, use) => {
    await use(() => stopServiceWorker(context, extensionId));
  },

  openPopup: async ({ context, extensionId }, use) => {
    await use(() => openExtensionPage(context, extensionId, 'popup.html'));
  },

  openOptions: async ({ context, extensionId }, use) => {
    await use(() => openExtensionPage(context, extensionId, 'options.html'));
  },

  downloadsDir: async ({ extensionBrowser }, use) => {
    await use(extensionBrowser.downloadsDir);
  },
});

export type { ApiDouble, BrowserContext, StaticSite };
