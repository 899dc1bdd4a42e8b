// flux-kontext-dev on the production build: chosen on the options page, the prompt box asks its own
// inputs (steps, guidance; no safety tolerance) and the edit runs at the double with exactly dev's input.
import { creates, jobItem, openPromptBox, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

const DEV = 'black-forest-labs/flux-kontext-dev';

test('choosing flux-kontext-dev gives the prompt box dev’s inputs, and the edit sends them', async ({ page, site, api, openOptions, openPopup, serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
  const options = await openOptions();
  await options.getByLabel('API key', { exact: true }).fill('r8_test_valid');
  await options.getByRole('combobox', { name: 'Model' }).selectOption(DEV);
  await expect(options.getByRole('spinbutton', { name: 'Safety tolerance' })).toHaveCount(0);
  await options.getByRole('spinbutton', { name: 'Steps' }).fill('20');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toContainText('Saved');

  await page.goto(site.url('/images.html'));
  const box = await openPromptBox(page, page.getByAltText('A red ball on a wooden table'));
  await expect(box.getByRole('spinbutton', { name: 'Steps' })).toHaveValue('20');
  await expect(box.getByRole('spinbutton', { name: 'Guidance' })).toHaveValue('2.5');
  await expect(box.getByText(/safety tolerance/i)).toHaveCount(0);
  await expect(box.getByRole('option', { name: '2:1' })).toHaveCount(0);
  await box.getByRole('spinbutton', { name: 'Guidance' }).fill('3.5');
  await startEdit(box, 'dev: make it black and white');

  const popup = await openPopup();
  await expect(jobItem(popup, 'dev: make it black and white').getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  const sent = creates(api.requests);
  expect(sent).toHaveLength(1);
  expect(sent[0]?.path).toBe(`/v1/models/${DEV}/predictions`);
  const { input } = (api.requests.find((r) => r === sent[0])?.body ?? {}) as { input: Record<string, unknown> };
  expect(input).toEqual({
    prompt: 'dev: make it black and white', input_image: expect.stringMatching(/^(data:image\/|https:)/), aspect_ratio: 'match_input_image',
    output_format: 'png', num_inference_steps: 20, guidance: 3.5, go_fast: true, output_quality: 80, disable_safety_checker: false, seed: expect.any(Number),
  });
});
