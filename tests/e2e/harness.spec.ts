// Proves the end-to-end harness itself: the built extension, the host mapping to the API double, the
// static site, the real right-click, worker restarts and downloads. Product behaviour lives in other specs.
import { MENU_ITEM_ID, expect, rightClickImageAndChoose, test, waitForDownload, waitForMenuReady } from './fixtures';

test('loads the built extension and finds its service worker', async ({ extensionId, serviceWorker }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const worker = await serviceWorker();
  expect(worker.url()).toMatch(new RegExp(`^chrome-extension://${extensionId}/`));
  expect(await worker.evaluate(() => chrome.runtime.getManifest().name)).toBe('Edit with Kontext');
});

test('reaches the API double as https://api.replicate.com from the service worker', async ({ api, serviceWorker }) => {
  const worker = await serviceWorker();
  const account = await worker.evaluate(async () => {
    const response = await fetch('https://api.replicate.com/v1/account', { headers: { Authorization: 'Bearer r8_test_valid' } });
    return { status: response.status, body: (await response.json()) as unknown };
  });
  expect(account).toEqual({ status: 200, body: expect.objectContaining({ username: 'kontext-tester' }) });
  expect(api.requests).toContainEqual(
    expect.objectContaining({ method: 'GET', path: '/v1/account', status: 200, headers: expect.objectContaining({ authorization: 'Bearer r8_test_valid' }) }),
  );
});

test('reaches the file server of the double as https://replicate.delivery', async ({ api, serviceWorker }) => {
  const worker = await serviceWorker();
  const status = await worker.evaluate(async () => (await fetch('https://replicate.delivery/harness/missing.png')).status);
  expect(status).toBe(404);
  expect(api.fileRequests.map((request) => request.path)).toContain('/harness/missing.png');
});

test('serves the test pages, with images from a second origin', async ({ page, site }) => {
  await page.goto(site.url('/images.html'));
  await expect(page).toHaveTitle('Edit with Kontext — demo page');
  await expect(page.getByText('Right-click an image and choose Edit with Kontext')).toBeVisible();
  const sizes = await page.getByRole('img').evaluateAll((images) => images.map((img) => (img as HTMLImageElement).naturalWidth));
  expect(sizes).toEqual([640, 800, 64]);

  await page.goto(site.url('/cross-origin.html'));
  await expect(page.getByAltText('Mountains at sunset, served without CORS')).toHaveJSProperty('naturalWidth', 640);
  expect(site.crossOrigin).not.toBe(site.origin);
  expect(site.requests).toContainEqual(expect.objectContaining({ origin: 'cross', path: '/landscape.png' }));
});

test('a real right-click on an image chooses our menu item with activeTab granted', async ({ page, site, serviceWorker }) => {
  const worker = await serviceWorker();
  await waitForMenuReady(worker);
  // A second listener beside the extension's own records what the click delivered.
  await worker.evaluate(() => {
    chrome.contextMenus.onClicked.addListener((info, tab) => {
      Object.assign(globalThis, { e2eClick: { menuItemId: info.menuItemId, srcUrl: info.srcUrl, tabId: tab?.id } });
    });
  });
  await page.goto(site.url('/images.html'));

  await rightClickImageAndChoose(page, page.getByAltText('A red ball on a wooden table'));

  const click = () => worker.evaluate(() => (globalThis as { e2eClick?: { menuItemId: string; srcUrl?: string; tabId?: number } }).e2eClick);
  await expect.poll(click).toMatchObject({ menuItemId: MENU_ITEM_ID, srcUrl: site.url('/still-life.jpg') });
  // Only a user's click grants activeTab: without it the extension may not script this http page.
  const tabId = (await click())?.tabId ?? -1;
  const canScript = () =>
    worker.evaluate(
      (id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => document.title }).then((results) => results[0]?.result, String),
      tabId,
    );
  await expect.poll(canScript).toBe('Edit with Kontext — demo page');
});

test('stops the service worker and starts a fresh one', async ({ extensionId, serviceWorker, stopServiceWorker }) => {
  const worker = await serviceWorker();
  await worker.evaluate(() => Object.assign(globalThis, { e2eMarker: 'before stop' }));

  await stopServiceWorker();
  const restarted = await serviceWorker();

  expect(restarted.url()).toMatch(new RegExp(`^chrome-extension://${extensionId}/`));
  expect(await restarted.evaluate(() => (globalThis as { e2eMarker?: string }).e2eMarker ?? 'fresh')).toBe('fresh');
});

test('saves extension downloads under their own names in downloadsDir', async ({ downloadsDir, serviceWorker }) => {
  const worker = await serviceWorker();
  await worker.evaluate(() => chrome.downloads.download({ url: 'data:text/plain;base64,aGFybmVzcw==', filename: 'kontext/harness.txt' }));

  const file = await waitForDownload(downloadsDir, { name: /harness\.txt$/ });

  expect(file.name).toBe('kontext/harness.txt');
  expect(file.bytes.toString()).toBe('harness');
});

test('lets pages read back the clipboard', async ({ page, site }) => {
  await page.goto(site.url('/images.html'));
  const text = `harness ${Date.now()}`;
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
});
