/**
 * Playwright fixtures for tests of the Black Forest Labs provider: the usual ones (fixtures.ts) plus a
 * local double of BFL's API, reached by the browser at its real hosts (api.bfl.ai, the regional host
 * its polling URLs name, a delivery host), so the production build runs with its own host permissions.
 *
 *   import { expect, test } from './bfl-fixtures';
 *   test('...', async ({ bfl, openOptions }) => { ... });
 */
import { startBflDouble, type BflDouble } from '../double/bfl';
import { BFL_HOSTS, launchExtensionBrowser } from './browser';
import { test as base } from './fixtures';

export { expect } from './fixtures';

/** Playwright's `test` with the BFL double running beside the Replicate one. */
export const test = base.extend<{ bfl: BflDouble }>({
  bfl: async ({}, use) => {
    const bfl = await startBflDouble({
      tls: true,
      // Short, to keep CI lean; the job still sees Pending before Ready.
      pendingMs: 300,
      pollingOrigin: `https://${BFL_HOSTS.polling}`,
      deliveryOrigin: `https://${BFL_HOSTS.delivery}`,
    });
    await use(bfl);
    await bfl.close();
  },

  // As in fixtures.ts, with the BFL hosts mapped to the double too.
  extensionBrowser: async ({ api, bfl, xDisplay: _display }, use) => {
    const browser = await launchExtensionBrowser({
      apiPort: api.apiPort,
      filesPort: api.filesPort,
      bfl: { apiPort: bfl.apiPort, deliveryPort: bfl.deliveryPort },
    });
    await use(browser);
    await browser.close();
  },
});
