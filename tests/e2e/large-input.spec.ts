// An input too large for a data URI (over ~1 MB: here a noisy transparent PNG, which cannot be made
// smaller as JPEG) goes through the Files API; an endpoint without it gets an inline-sized copy.
import type { Page } from '@playwright/test';
import { openPromptBox, saveApiKey } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

const SIZE = { width: 1200, height: 900 };

/** Adds a picture to the page that stays over 1 MB however it is encoded losslessly: random pixels with alpha. */
async function addNoisyPicture(page: Page): Promise<void> {
  await page.evaluate(async ({ width, height }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    const pixels = context.createImageData(width, height);
    let seed = 7;
    for (let i = 0; i < pixels.data.length; i += 1) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      pixels.data[i] = i % 4 === 3 ? 128 + (seed >>> 25) : seed >>> 24;
    }
    context.putImageData(pixels, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const img = document.createElement('img');
    img.alt = 'Noisy transparent picture';
    img.style.width = '400px';
    img.src = URL.createObjectURL(blob);
    document.body.prepend(img);
    await img.decode();
  }, SIZE);
}

async function editNoisyPicture(page: Page, prompt: string) {
  await addNoisyPicture(page);
  const dialog = await openPromptBox(page, page.getByRole('img', { name: 'Noisy transparent picture' }));
  await expect(dialog.getByRole('group', { name: 'Image to send' })).toContainText(/Sends 1200 × 900 PNG, \d+(\.\d)? MB/);
  await dialog.getByRole('textbox', { name: 'Edit instruction' }).fill(prompt);
  await dialog.getByRole('textbox', { name: 'Edit instruction' }).press('Enter');
}

test('an input over 1 MB is uploaded through the Files API, at full size', async ({ page, site, api, openOptions, serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
  await (await saveApiKey(openOptions, 'r8_test_valid')).close();
  await page.goto(site.url('/images.html'));
  await editNoisyPicture(page, 'upload me');

  await expect.poll(() => [...api.predictions.values()].find((p) => p.body.input.prompt === 'upload me')?.input?.source, { timeout: 20_000 }).toBe('files-api');
  const input = [...api.predictions.values()].find((p) => p.body.input.prompt === 'upload me')!.input!;
  expect({ width: input.width, height: input.height, format: input.format }).toEqual({ ...SIZE, format: 'png' });
  expect(input.bytes).toBeGreaterThan(1_000_000);
  expect(api.requests.filter((r) => r.method === 'POST' && r.path === '/v1/files')).toHaveLength(1);
});

test.describe('an endpoint without the Files API', () => {
  test.use({ apiOptions: { filesEndpoint: false } });

  test('gets a copy small enough to send inline, and later edits are prepared small from the start', async ({ page, site, api, openOptions, serviceWorker }) => {
    await waitForMenuReady(await serviceWorker());
    await (await saveApiKey(openOptions, 'r8_test_valid')).close();
    await page.goto(site.url('/images.html'));
    await editNoisyPicture(page, 'inline me');

    const sent = () => [...api.predictions.values()].find((p) => p.body.input.prompt === 'inline me')?.input;
    await expect.poll(() => sent()?.source, { timeout: 20_000 }).toBe('data-uri');
    expect(sent()!.bytes).toBeLessThanOrEqual(1_000_000);
    expect(sent()!.format).toBe('png');
    expect(sent()!.width / sent()!.height).toBeCloseTo(SIZE.width / SIZE.height, 2);

    // The endpoint is remembered: the next picture is prepared inline-sized before anything is sent.
    await page.reload();
    await addNoisyPicture(page);
    const dialog = await openPromptBox(page, page.getByRole('img', { name: 'Noisy transparent picture' }));
    await expect(dialog.getByRole('group', { name: 'Image to send' })).toContainText(/Sends \d+ × \d+ PNG, \d+(\.\d)? kB/);
  });
});
