/**
 * Playwright fixtures for end-to-end tests of the built extension. Import `test` and `expect` from here:
 *
 *   import { expect, test } from './fixtures';
 *   test('edits an image', async ({ page, site, api, serviceWorker, openPopup }) => { ... });
 *
 * Every test gets its own API double, static site, Chromium profile and downloads folder; every worker its
 * own X display (Xvfb), so workers can run side by side, each clicking with its own pointer.
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
import { startXvfb, useTestDisplay } from './x-display';

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

/** Fixtures shared by all tests of one Playwright worker. */
export interface WorkerFixtures {
  /**
   * The worker's X display (DISPLAY value): its own Xvfb, or with E2E_REAL_DISPLAY=1 the existing
   * $DISPLAY (a developer watching; one worker only, as there is one pointer).
   */
  xDisplay: string;
}

/** Playwright's `test` with the extension loaded in headed Chromium against the local double. */
export const test = base.extend<ExtensionFixtures, WorkerFixtures>({
  xDisplay: [
    async ({}, use, workerInfo) => {
      if (process.env.E2E_REAL_DISPLAY === '1') {
        const display = process.env.DISPLAY;
        if (!display) throw new Error('E2E_REAL_DISPLAY=1 needs DISPLAY to be set.');
        if (workerInfo.config.workers > 1) throw new Error('E2E_REAL_DISPLAY=1 needs one worker: the workers would share one pointer.');
        await use(display);
        return;
      }
      const xvfb = await startXvfb();
      useTestDisplay(xvfb.display);
      await use(xvfb.display);
      useTestDisplay(undefined);
      await xvfb.stop();
    },
    { scope: 'worker' },
  ],

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

  // Depends on xDisplay so the worker's display is up (and used by launch and xdotool) before the launch.
  extensionBrowser: async ({ api, xDisplay: _display }, use) => {
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
