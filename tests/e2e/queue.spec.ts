// Jobs take turns at the provider: with "Edits at once" set to 1, a second edit waits, in order, and
// both finish with one create each.
import { creates, jobItem, openPromptBox, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

// The first edit runs long enough for the second to arrive while it holds the only slot.
test.use({ apiOptions: { timing: { startingMs: 300, processingMs: 7_000 } } });

test('a second edit waits for a free slot, then runs', async ({ page, site, api, openOptions, openPopup, serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
  const options = await openOptions();
  await options.getByLabel('API key', { exact: true }).fill('r8_test_valid');
  await options.getByLabel('Edits at once').fill('1');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toContainText('Saved');

  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'first: add a moon');
  await startEdit(await openPromptBox(page, page.getByAltText('Mountains at sunset above a lake')), 'second: add a boat');

  const popup = await openPopup();
  await expect(jobItem(popup, 'second: add a boat')).toContainText('Waiting for an earlier edit to start.');
  await expect(jobItem(popup, 'first: add a moon').getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(jobItem(popup, 'second: add a boat').getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });

  expect(creates(api.requests)).toHaveLength(2);
  const [first, second] = [...api.predictions.values()].map((prediction) => prediction.body);
  expect(first?.input.prompt).toBe('first: add a moon');
  expect(Date.parse(second?.created_at ?? '')).toBeGreaterThanOrEqual(Date.parse(first?.completed_at ?? ''));
});
