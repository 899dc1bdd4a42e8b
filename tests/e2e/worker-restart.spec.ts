// A stopped service worker loses nothing and never bills twice: Chrome stops extension workers after
// ~30 s idle and when a fetch waits 30 s, and the job must finish from what it stored.
import { creates, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

test.beforeEach(async ({ serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
});

test.describe('against an endpoint without sync mode', () => {
  // A proxy that ignores `Prefer: wait` answers the create at once, so the job is polled.
  test.use({ apiOptions: { maxPreferWaitSeconds: 0, timing: { startingMs: 500, processingMs: 6_000 } } });

  test('a worker stopped between polls resumes and finishes the job', async ({ page, site, api, openOptions, openPopup, stopServiceWorker }) => {
    await saveApiKey(openOptions, 'r8_test_valid');
    await page.goto(site.url('/images.html'));
    await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'turn day into night');

    const popup = await openPopup();
    await expect(jobItem(popup, 'turn day into night').getByText('Processing', { exact: true })).toBeVisible({ timeout: 15_000 });
    await stopServiceWorker();
    const pollsBefore = api.requests.filter((request) => request.method === 'GET').length;

    // The next start of the worker (the poll alarm, or the popup opening) resumes the job from storage.
    await popup.close();
    const reopened = await openPopup();
    await expect(jobItem(reopened, 'turn day into night').getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
    expect(api.requests.filter((request) => request.method === 'GET').length).toBeGreaterThan(pollsBefore);
    expect(creates(api.requests)).toHaveLength(1);
  });
});

test.describe('against Replicate with sync mode', () => {
  // The create holds the connection open until the output exists: the worker dies with it in flight.
  test.use({ apiOptions: { timing: { startingMs: 500, processingMs: 8_000 } } });

  test('a worker stopped during the create finds its prediction instead of creating another', async ({ page, site, api, openOptions, openPopup, stopServiceWorker }) => {
    await saveApiKey(openOptions, 'r8_test_valid');
    await page.goto(site.url('/images.html'));
    await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'add falling snow');

    await expect.poll(() => creates(api.requests).length, { timeout: 15_000 }).toBe(1);
    await stopServiceWorker();

    // No extension page is open to wake the worker: the watchdog alarm armed before the create must
    // restart it, and it must look the prediction up in the provider's list rather than create again.
    const listed = () => api.requests.some((request) => request.method === 'GET' && /^\/v1\/predictions(\?|$)/.test(request.path));
    await expect.poll(listed, { timeout: 60_000 }).toBe(true);
    await expect.poll(() => api.fileRequests.length, { timeout: 30_000 }).toBeGreaterThan(0);

    const popup = await openPopup();
    await expect(jobItem(popup, 'add falling snow').getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
    expect(creates(api.requests)).toHaveLength(1);
  });
});
