// The history on the production build: results live in the extension's IndexedDB, so they outlast the
// provider's one-hour retention and a browser restart; search narrows them and Delete removes one for good.
import type { Page } from '@playwright/test';
import { openExtensionPage, waitForExtensionId } from './extension';
import { jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForDownload, waitForMenuReady } from './fixtures';

// The double deletes outputs (and their files) two seconds after each prediction finishes.
test.use({ apiOptions: { retentionMs: 2_000 } });

test.beforeEach(async ({ serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
});

/** What the extension keeps where: jobs still in storage.local, and the ids in the history store. */
async function stores(page: Page): Promise<{ live: number; history: string[] }> {
  return page.evaluate(async () => {
    const { jobs } = await chrome.storage.local.get('jobs');
    const history = await new Promise<string[]>((resolve, reject) => {
      const open = indexedDB.open('edit-with-kontext');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction('history').objectStore('history').getAllKeys();
        request.onsuccess = () => {
          resolve(request.result.map(String));
          open.result.close();
        };
        request.onerror = () => reject(request.error);
      };
    });
    return { live: Array.isArray(jobs) ? jobs.length : 0, history };
  });
}

test('results outlast the provider’s data removal and a browser restart', async ({ page, site, api, openOptions, openPopup, extensionBrowser, downloadsDir }) => {
  test.setTimeout(120_000);
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'history: add rain');

  const popup = await openPopup();
  await expect(jobItem(popup, 'history: add rain').getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  // Finished and announced: it moves out of the live list into the history store.
  await expect.poll(() => stores(popup)).toEqual({ live: 0, history: [expect.any(String)] });
  const [prediction] = [...api.predictions.values()];
  await expect.poll(() => prediction?.body.data_removed, { timeout: 10_000 }).toBe(true);

  const downloadsFromProvider = api.fileRequests.length;
  const restarted = await extensionBrowser.restart();
  try {
    const id = await waitForExtensionId(restarted.context);
    const again = await openExtensionPage(restarted.context, id, 'popup.html');
    const item = jobItem(again, 'history: add rain');
    await expect(item.getByText('Done', { exact: true })).toBeVisible();
    await expect(item.getByRole('img', { name: 'Result: history: add rain' })).toBeVisible();
    await item.getByRole('button', { name: 'Save' }).click();
    const file = await waitForDownload(downloadsDir, { name: /^kontext-history-add-rain-.*\.png$/ });
    expect(file.bytes.length).toBeGreaterThan(1_000);
    // Nothing was fetched from the provider after the restart (it has nothing left): the result came from the history.
    expect(api.fileRequests.length).toBe(downloadsFromProvider);
  } finally {
    await restarted.context.close();
  }
});

test('search narrows the history, and Delete removes an edit for good', async ({ page, site, openOptions, openPopup }) => {
  test.setTimeout(90_000);
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'search: make it snowy');
  await startEdit(await openPromptBox(page, page.getByAltText('Mountains at sunset above a lake')), 'search: add a rainbow');

  const popup = await openPopup();
  for (const instruction of ['search: make it snowy', 'search: add a rainbow']) {
    await expect(jobItem(popup, instruction).getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  }
  await expect.poll(async () => (await stores(popup)).history.length).toBe(2);

  const search = popup.getByRole('searchbox', { name: 'Search history' });
  await search.fill('rainbow');
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  await expect(jobItem(popup, 'search: add a rainbow')).toBeVisible();
  await search.fill('no such edit');
  await expect(popup.getByRole('status').filter({ hasText: 'No edits match' })).toBeVisible();
  await search.fill('');
  await expect(popup.getByRole('listitem')).toHaveCount(2);

  await jobItem(popup, 'search: make it snowy').getByRole('button', { name: 'Delete' }).click();
  await expect(jobItem(popup, 'search: make it snowy')).toHaveCount(0);
  await popup.reload();
  await expect(jobItem(popup, 'search: add a rainbow')).toBeVisible();
  await expect(jobItem(popup, 'search: make it snowy')).toHaveCount(0);
  expect((await stores(popup)).history).toHaveLength(1);

  await popup.getByRole('button', { name: 'Clear history' }).click();
  await popup.getByRole('alertdialog', { name: 'Clear history?' }).getByRole('button', { name: 'Delete all' }).click();
  await expect(popup.getByText('No edits yet')).toBeVisible();
  expect((await stores(popup)).history).toEqual([]);
});
