// Black Forest Labs as the provider, on the production build against a local double of its API:
// chosen on the options page, key checked by its credits, an edit from the real image menu created at
// api.bfl.ai, polled at the regional host its polling_url names, downloaded from its delivery host, saved.
import { expect, test } from './bfl-fixtures';
import { BFL_HOSTS } from './browser';
import { waitForDownload, waitForMenuReady } from './fixtures';
import { jobItem, openPromptBox, startEdit } from './flows';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test('edits an image with Black Forest Labs: key checked by its credits, result polled, downloaded and saved', async ({ page, site, api, bfl, openOptions, openPopup, serviceWorker, downloadsDir }) => {
  await waitForMenuReady(await serviceWorker());
  const options = await openOptions();
  await options.getByRole('radiogroup', { name: 'Provider' }).getByRole('radio', { name: 'Black Forest Labs' }).check();
  await expect(options.getByRole('textbox', { name: 'API base URL' })).toHaveValue(`https://${BFL_HOSTS.api}/v1`);
  const key = options.getByLabel('API key', { exact: true });
  const testConnection = options.getByRole('button', { name: 'Test connection' });
  await key.fill('bfl_not_a_key');
  await testConnection.click();
  await expect(options.getByRole('alert')).toContainText('Black Forest Labs refused the API key (401)');
  await key.fill('bfl_test_valid');
  await testConnection.click();
  await expect(options.getByRole('status')).toHaveText('Connected — 1,000 credits');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toHaveText('Saved.');

  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'make it sepia');
  const popup = await openPopup();
  const item = jobItem(popup, 'make it sepia');
  await expect(item.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });

  // One billed create at BFL with the key in x-key and the image inline; nothing went to Replicate.
  const creates = bfl.requests.filter((r) => r.method === 'POST' && r.path === '/v1/flux-kontext-pro');
  expect(creates).toHaveLength(1);
  expect(creates[0]?.headers['x-key']).toBe('bfl_test_valid');
  expect(creates[0]?.headers.authorization).toBeUndefined();
  expect(creates[0]?.body).toMatchObject({ prompt: 'make it sepia', output_format: 'png' });
  expect(bfl.creditsOf('bfl_test_valid')).toBe(996);
  // Polled at the regional host BFL's polling_url names, exactly as given.
  const polls = bfl.requests.filter((r) => r.path.startsWith('/v1/get_result'));
  expect(polls.length).toBeGreaterThan(0);
  expect(polls.every((r) => r.headers.host === BFL_HOSTS.polling && r.headers['x-key'] === 'bfl_test_valid')).toBe(true);
  expect(bfl.deliveryRequests.map((r) => [r.status, r.headers['x-key']])).toEqual([[200, undefined]]);
  expect(api.requests).toHaveLength(0);

  await item.getByRole('button', { name: 'Save' }).click();
  const file = await waitForDownload(downloadsDir, { name: /^kontext-make-it-sepia-\d{8}-\d{6}\.png$/ });
  expect([...file.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
});
