// The Diagnostics section of the options page: what a person copies into a bug report after a failure,
// on the production build against the local double.
import { jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

const WRONG_KEY = 'r8_wrongE2eKey0123456789abcdef';
const PROVIDER_DETAIL = 'You did not pass a valid authentication token';

test('a refused Test connection shows up in Diagnostics, and Copy diagnostics leaves the key out', async ({ openOptions }) => {
  const options = await openOptions();
  const diagnostics = options.getByRole('region', { name: 'Diagnostics' });
  await expect(diagnostics.getByText(/No exchanges with the API yet/)).toBeVisible();

  await options.getByLabel('API key', { exact: true }).fill(WRONG_KEY);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('alert')).toContainText('refused');

  // The page follows the log live: no reload.
  const row = diagnostics.getByRole('row').filter({ hasText: '/v1/account' });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell')).toHaveText([/\d/, 'GET', '/v1/account', '401', /^\d+ ms$/, PROVIDER_DETAIL]);
  await expect(diagnostics).not.toContainText(WRONG_KEY);

  await diagnostics.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(diagnostics.getByText('Copied')).toBeVisible();
  const copied = await options.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`^\\S+Z GET api\\.replicate\\.com/v1/account 401 \\d+ms ${PROVIDER_DETAIL}$`, 'm'));
  expect(copied).toContain('Version: ');
  expect(copied).not.toContain(WRONG_KEY);
  expect(copied).not.toContain('Bearer');

  await diagnostics.getByRole('button', { name: 'Clear diagnostics' }).click();
  await expect(diagnostics.getByText(/No exchanges with the API yet/)).toBeVisible();
  await expect(diagnostics.getByRole('row')).toHaveCount(0);
});

test('an edit logs its create and polls, without the key or the image', async ({ page, site, openOptions, openPopup, serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
  const options = await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'add a lighthouse');
  await expect(jobItem(await openPopup(), 'add a lighthouse').getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });

  await options.bringToFront();
  const diagnostics = options.getByRole('region', { name: 'Diagnostics' });
  const create = diagnostics.getByRole('row').filter({ hasText: '/v1/models/black-forest-labs/flux-kontext-pro/predictions' });
  await expect(create.getByRole('cell').nth(1)).toHaveText('POST');
  await expect(create.getByRole('cell').nth(3)).toHaveText('201');
  await diagnostics.getByRole('button', { name: 'Copy diagnostics' }).click();
  const copied = await options.evaluate(() => navigator.clipboard.readText());
  expect(copied).not.toContain('r8_test_valid');
  expect(copied).not.toContain('data:image');
});
