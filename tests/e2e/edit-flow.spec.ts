// The whole edit flow on the production build: key on the options page, real right-click, instruction,
// Done in the popup, Save and Copy — against the local Replicate double.
import { creates, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForDownload, waitForMenuReady } from './fixtures';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test.beforeEach(async ({ serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
});

test('edits a right-clicked image and saves and copies the result', async ({ page, site, api, openOptions, openPopup, downloadsDir }) => {
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));

  const dialog = await openPromptBox(page, page.getByAltText('A red ball on a wooden table'));
  await expect(dialog.getByRole('textbox', { name: 'Edit instruction' })).toBeFocused();
  await startEdit(dialog, 'make it black and white');

  const popup = await openPopup();
  const item = jobItem(popup, 'make it black and white');
  await expect(item.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(item.getByRole('img', { name: /make it black and white/ })).toBeVisible();

  // Exactly one billed create, with the image's bytes (not its URL) and the key only to the API host.
  expect(creates(api.requests)).toHaveLength(1);
  const sent = creates(api.requests)[0] as unknown as { body: { input: Record<string, unknown> }; headers: Record<string, string> };
  expect(sent.headers.authorization).toBe('Bearer r8_test_valid');
  expect(String(sent.body.input.input_image)).toMatch(/^data:image\/(jpeg|png);base64,/);
  expect(sent.body.input).toMatchObject({ prompt: 'make it black and white', aspect_ratio: 'match_input_image', output_format: 'png' });
  const [prediction] = [...api.predictions.keys()];
  expect(api.inputsOf(prediction ?? '')).toMatchObject({ width: 800, height: 600 });
  expect(api.fileRequests.length).toBeGreaterThan(0);
  expect(api.fileRequests.every((request) => request.headers.authorization === undefined)).toBe(true);

  await item.getByRole('button', { name: 'Save' }).click();
  const file = await waitForDownload(downloadsDir, { name: /^kontext-make-it-black-and-white-\d{8}-\d{6}\.png$/ });
  expect([...file.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  // Provenance travels with the file: the instruction and the model as PNG text.
  const text = Buffer.from(file.bytes).toString('latin1');
  expect(text).toContain('iTXtDescription\0\0\0\0\0make it black and white');
  expect(text).toContain('iTXtSoftware\0\0\0\0\0Edit with Kontext (black-forest-labs/flux-kontext-pro)');

  await item.getByRole('button', { name: 'Copy' }).click();
  await expect(item.getByText('Copied')).toBeVisible();
  const clipboard = await popup.evaluate(async () => {
    const [entry] = await navigator.clipboard.read();
    const blob = await entry?.getType('image/png');
    return { types: entry?.types ?? [], head: [...new Uint8Array(await (blob ?? new Blob()).arrayBuffer()).subarray(0, 8)] };
  });
  expect(clipboard.types).toContain('image/png');
  expect(clipboard.head).toEqual(PNG_SIGNATURE);
});

test('without an API key the prompt box points to the options page', async ({ page, site, api, context }) => {
  await page.goto(site.url('/images.html'));
  const dialog = await openPromptBox(page, page.getByAltText('Mountains at sunset above a lake'));
  await expect(dialog.getByText('Add your API key to start editing.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Start edit' })).toBeDisabled();

  const optionsOpened = context.waitForEvent('page', { predicate: (opened) => opened.url().endsWith('/options.html') });
  await dialog.getByRole('button', { name: 'Open settings' }).click();
  await expect(await optionsOpened).toHaveURL(/options\.html$/);
  expect(creates(api.requests)).toHaveLength(0);
});

test('a refused key shows its message, and Retry after fixing the key finishes the edit', async ({ page, site, api, openOptions, openPopup }) => {
  await saveApiKey(openOptions, 'r8_not_a_real_key');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'add a hat');

  const popup = await openPopup();
  const item = jobItem(popup, 'add a hat');
  await expect(item.getByText('Failed', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(item).toContainText('API key was refused');
  expect(api.predictions.size).toBe(0);

  // Nothing was lost: with the right key, the same job runs to the end.
  await saveApiKey(openOptions, 'r8_test_valid');
  await popup.bringToFront();
  await item.getByRole('button', { name: 'Retry' }).click();
  await expect(item.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(api.predictions.size).toBe(1);
  await expect(popup.getByRole('listitem')).toHaveCount(1);
});

test('asks for nothing beyond the click: no content scripts and no access to all sites', async ({ serviceWorker }) => {
  const manifest = await (await serviceWorker()).evaluate(() => chrome.runtime.getManifest());
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(manifest.host_permissions).toEqual(['https://api.replicate.com/*', 'https://replicate.delivery/*', 'https://*.replicate.delivery/*', 'https://*.bfl.ai/*']);
  expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'contextMenus']));
});

test('a moderation refusal says so plainly', async ({ page, site, api, openOptions, openPopup }) => {
  api.injectFault({ match: { method: 'POST', path: '/v1/models/' }, outcome: 'moderation' });
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'make it spooky');

  const item = jobItem(await openPopup(), 'make it spooky');
  await expect(item.getByText('Failed', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(item).toContainText('flagged as sensitive');
  expect(creates(api.requests)).toHaveLength(1);
});

test('deleting a job removes it for good', async ({ page, site, openOptions, openPopup }) => {
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'paint it blue');

  const popup = await openPopup();
  const item = jobItem(popup, 'paint it blue');
  await expect(item.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await item.getByRole('button', { name: 'Delete' }).click();
  await expect(item).toHaveCount(0);

  await popup.reload();
  await expect(popup.getByRole('heading', { name: 'Edit with Kontext' })).toBeVisible();
  await expect(jobItem(popup, 'paint it blue')).toHaveCount(0);
});
