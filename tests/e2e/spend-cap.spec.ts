// Spend control on the production build: the prompt box prices the edit before it starts, the ledger
// counts the billed one, and at the monthly cap the next edit is refused before anything is sent.
import { creates, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

test('at the monthly cap the next edit is refused before it is sent, with a way to raise the cap', async ({ page, site, api, context, openOptions, openPopup, serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
  const options = await saveApiKey(openOptions, 'r8_test_valid');
  await options.getByLabel('Monthly cap (USD)').fill('0.04');
  await options.getByRole('button', { name: 'Save cap' }).click();
  await expect(options.getByRole('status').filter({ hasText: /cap/i })).toBeVisible();

  await page.goto(site.url('/images.html'));
  const first = await openPromptBox(page, page.getByAltText('A red ball on a wooden table'));
  await expect(first.getByText(/This edit: \$0\.04/)).toBeVisible();
  await startEdit(first, 'cap: the one that fits');
  const popup = await openPopup();
  await expect(jobItem(popup, 'cap: the one that fits').getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(popup.getByText('This month: $0.04 of $0.04')).toBeVisible();

  const second = await openPromptBox(page, page.getByAltText('Mountains at sunset above a lake'));
  await expect(second.getByRole('alert').filter({ hasText: 'Monthly spending cap reached' })).toBeVisible();
  await second.getByRole('textbox', { name: 'Edit instruction' }).fill('cap: one too many');
  await expect(second.getByRole('button', { name: 'Start edit' })).toBeDisabled();
  await second.getByRole('textbox', { name: 'Edit instruction' }).press('Enter');
  expect(creates(api.requests)).toHaveLength(1);

  const opened = context.waitForEvent('page');
  await second.getByRole('button', { name: 'Raise the cap' }).click();
  const spending = await opened;
  await expect(spending).toHaveURL(/options\.html#spending$/);
  await expect(spending.getByRole('heading', { name: 'Spending' })).toBeVisible();
});
