// The Diagnostics section of the options page: what a person copies into a bug report after a failure,
// on the production build against the local double.
import { expect, test } from './fixtures';

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
