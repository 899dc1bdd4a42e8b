// What people do with jobs from the popup and the options page: edit a result again, cancel a running
// edit, check the connection — on the production build against the local double.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { creates, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

test.beforeEach(async ({ serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
});

/** Largest difference between the colour channels of any pixel: 0 for a grey image. */
function maxChannelSpread(format: string, data: Uint8Array): number {
  const decoded = format === 'png' ? PNG.sync.read(Buffer.from(data)) : jpeg.decode(data, { useTArray: true });
  let spread = 0;
  for (let i = 0; i < decoded.data.length; i += 4) {
    const [r = 0, g = 0, b = 0] = decoded.data.subarray(i, i + 3);
    spread = Math.max(spread, Math.max(r, g, b) - Math.min(r, g, b));
  }
  return spread;
}

test('the options page opens on install', async ({ context }) => {
  await expect.poll(() => context.pages().some((page) => page.url().endsWith('/options.html'))).toBe(true);
});

test('Test connection names the account, and says plainly when the key is refused', async ({ openOptions }) => {
  const options = await openOptions();
  await expect(options.getByLabel('API base URL')).toHaveValue('https://api.replicate.com/v1');
  await options.getByLabel('API key', { exact: true }).fill('r8_test_valid');
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByText('Connected as Kontext Tester')).toBeVisible();

  await options.getByLabel('API key', { exact: true }).fill('r8_wrong');
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('alert')).toContainText('refused');
});

test('Edit again edits the result itself', async ({ page, site, api, openOptions, openPopup }) => {
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'make it black and white');

  const popup = await openPopup();
  const first = jobItem(popup, 'make it black and white');
  await expect(first.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await first.getByRole('button', { name: 'Edit again' }).click();

  const dialog = popup.getByRole('dialog', { name: 'Edit with Kontext' });
  await dialog.getByRole('textbox', { name: 'Edit instruction' }).fill('add a border');
  await dialog.getByRole('button', { name: 'Start edit' }).click();
  await expect(jobItem(popup, 'add a border').getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });

  // The second edit received the first one's (grey) result, not the original (red) page image.
  expect(creates(api.requests)).toHaveLength(2);
  const [original, edited] = [...api.predictions.values()].map((prediction) => prediction.input);
  expect(original && maxChannelSpread(original.format, original.data)).toBeGreaterThan(40);
  expect(edited && maxChannelSpread(edited.format, edited.data)).toBeLessThan(8);
  expect(edited).toMatchObject({ width: 800, height: 600 });
});

test.describe('a long edit', () => {
  test.use({ apiOptions: { maxPreferWaitSeconds: 0, timing: { startingMs: 300, processingMs: 30_000 } } });

  test('Cancel stops it at the provider and the job shows Canceled', async ({ page, site, api, openOptions, openPopup }) => {
    await saveApiKey(openOptions, 'r8_test_valid');
    await page.goto(site.url('/images.html'));
    await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'make it a watercolor');

    const item = jobItem(await openPopup(), 'make it a watercolor');
    await expect(item.getByText('Processing', { exact: true })).toBeVisible({ timeout: 15_000 });
    await item.getByRole('button', { name: 'Cancel' }).click();

    await expect(item.getByText('Canceled', { exact: true })).toBeVisible({ timeout: 10_000 });
    expect(api.requests.some((request) => request.method === 'POST' && request.path.endsWith('/cancel'))).toBe(true);
    expect([...api.predictions.values()].map((prediction) => prediction.body.status)).toEqual(['canceled']);
    await expect(item.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
});
