// Finishing while no extension page is open: a system notification, and a badge that counts running
// jobs and turns red after a failure until the popup is opened.
import { closeExtensionPages, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

// The running badge is checked while the job runs: the double's default 1.5 s job can finish before a
// busy machine (two workers on two cores) gets to look, so the job takes long enough to be seen.
test.use({ apiOptions: { timing: { startingMs: 300, processingMs: 6_000 } } });

test('an edit that finishes with every extension page closed is announced', async ({ page, site, api, openOptions, serviceWorker, context }) => {
  await waitForMenuReady(await serviceWorker());
  await (await saveApiKey(openOptions, 'r8_test_valid')).close();
  await closeExtensionPages(context);
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'add a sunset glow');

  const worker = await serviceWorker();
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 }).toBe('1');
  await expect
    .poll(() => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())), { timeout: 30_000 })
    .toEqual([expect.stringMatching(/^job:/)]);
  expect(api.fileRequests.length).toBeGreaterThan(0);
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
});

test('a failure turns the badge red until the popup is opened', async ({ page, site, openOptions, openPopup, serviceWorker, context }) => {
  await waitForMenuReady(await serviceWorker());
  await (await saveApiKey(openOptions, 'r8_refused_key')).close();
  await closeExtensionPages(context);
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'add a comet');

  const worker = await serviceWorker();
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 20_000 }).toBe('!');
  const notifications = await worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
  expect(notifications).toHaveLength(1);

  const popup = await openPopup();
  await expect(jobItem(popup, 'add a comet').getByText('Failed', { exact: true })).toBeVisible();
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
});
