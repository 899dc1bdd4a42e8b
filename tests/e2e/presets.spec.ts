// Presets on the production build: a preset added on the options page appears in the real image menu
// at once, and choosing it there runs its edit with no typing — its instruction and choices are what
// the provider receives, and the popup shows the job like any other.
import { DEFAULT_PRESETS } from '../../utils/presets/default-presets';
import { jobItem, saveApiKey } from './flows';
import { expect, rightClickImageAndChoose, test, waitForMenuReady } from './fixtures';
import { presetMenuKeys } from './right-click';

test('a preset added on the options page runs from the real image menu with one click', async ({ page, site, api, openOptions, openPopup, serviceWorker }) => {
  const worker = await serviceWorker();
  await waitForMenuReady(worker);
  const options = await saveApiKey(openOptions, 'r8_test_valid');

  // The defaults came with the install; the new preset goes after them.
  const presets = options.getByRole('list', { name: 'Presets' });
  await expect(presets.getByRole('listitem')).toHaveCount(DEFAULT_PRESETS.length);
  await options.getByRole('button', { name: 'Add preset' }).click();
  const form = options.getByRole('form', { name: 'New preset' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Square sepia');
  await form.getByRole('textbox', { name: 'Instruction' }).fill('preset: turn it into a sepia photograph');
  await form.getByRole('combobox', { name: 'Aspect ratio' }).selectOption('1:1');
  await form.getByRole('button', { name: 'Save preset' }).click();
  await expect(presets.getByRole('listitem')).toHaveCount(DEFAULT_PRESETS.length + 1);
  // The menu follows the synced list (storage watch in the worker); its item id is preset:<id>.
  const presetItem = await worker.evaluate(async () => {
    const { presetOrder } = await chrome.storage.sync.get('presetOrder') as { presetOrder?: { ids?: string[] } };
    return `preset:${presetOrder?.ids?.at(-1) ?? ''}`;
  });
  await waitForMenuReady(worker, presetItem);

  await page.goto(site.url('/images.html'));
  await rightClickImageAndChoose(page, page.getByAltText('A red ball on a wooden table'), { keys: presetMenuKeys(DEFAULT_PRESETS.length) });

  // No prompt box: a note in the corner says the edit started, under the preset's name.
  const note = page.getByRole('region', { name: 'Square sepia' });
  await expect(note.getByRole('status')).toHaveText(/^Edit started/);
  await expect(page.getByRole('dialog', { name: 'Edit with Kontext' })).toHaveCount(0);
  await expect(note).toBeHidden({ timeout: 10_000 });

  const popup = await openPopup();
  await expect(jobItem(popup, 'preset: turn it into a sepia photograph').getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  const sent = [...api.predictions.values()].map((p) => p.body.input);
  expect(sent).toEqual([expect.objectContaining({ prompt: 'preset: turn it into a sepia photograph', aspect_ratio: '1:1' })]);
  expect(site.requests).toContainEqual(expect.objectContaining({ path: '/still-life.jpg' }));
});
