// A request the provider finds too large ("Failed to parse request body as JSON: EOF") is not the
// user's problem: the extension prepares a smaller copy of the image once and the edit goes through.
import { creates, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

// Between the size of the first copy of the test image and the size of a quarter-pixel copy.
test.use({ apiOptions: { maxBodyBytes: 20_000 } });

test('a request too large for the provider is sent again with a smaller image', async ({ page, site, api, openOptions, openPopup, serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'add a cat');

  const item = jobItem(await openPopup(), 'add a cat');
  await expect(item.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  const sent = creates(api.requests) as unknown as { status: number; bodyBytes: number }[];
  expect(sent.map((request) => request.status)).toEqual([400, 201]);
  expect(api.predictions.size).toBe(1);
  const [prediction] = [...api.predictions.keys()];
  expect(api.inputsOf(prediction ?? '')).toMatchObject({ width: 400, height: 300 });
});
