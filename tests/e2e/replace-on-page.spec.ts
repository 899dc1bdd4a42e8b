// "Replace on page" and "Restore original" on the production build: the result takes the picture's
// place at the same size, the page's own markup comes back exactly, and a reload never brings the
// result back unasked.
import { PNG } from 'pngjs';
import type { Locator, Page } from '@playwright/test';
import { jobItem, openPromptBox, pickAndOpenPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

test.beforeEach(async ({ serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
});

/** What the page shows of an image: its markup, its address, its box and the colour at its centre. */
async function look(page: Page, image: Locator) {
  await page.bringToFront();
  const state = await image.evaluate((img: HTMLImageElement) => ({
    markup: (img.parentElement?.localName === 'picture' ? img.parentElement : img).outerHTML,
    currentSrc: img.currentSrc,
    loaded: img.complete && img.naturalWidth > 0,
    box: (({ width, height }) => ({ width, height }))(img.getBoundingClientRect()),
  }));
  const shot = PNG.sync.read(await image.screenshot());
  const at = (Math.floor(shot.height / 2) * shot.width + Math.floor(shot.width / 2)) * 4;
  return { ...state, centre: [shot.data[at] ?? 0, shot.data[at + 1] ?? 0, shot.data[at + 2] ?? 0] };
}

/** Edits the image with an instruction the double answers with inverted colours; returns its popup item. */
async function editAndWait(page: Page, image: Locator, openPopup: () => Promise<Page>, instruction: string) {
  await startEdit(await openPromptBox(page, image), instruction);
  const popup = await openPopup();
  const item = jobItem(popup, instruction);
  await expect(item.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  return { popup, item };
}

function expectInverted(after: number[], before: number[]) {
  after.forEach((value, channel) => expect(Math.abs(value - (255 - (before[channel] ?? 0)))).toBeLessThan(40));
}

test('replaces a plain image at its size, restores it exactly, and a reload shows the original', async ({ page, site, openOptions, openPopup }) => {
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/replace.html'));
  const image = page.locator('#plain');
  const original = await look(page, image);
  expect(original.loaded).toBe(true);

  const { popup, item } = await editAndWait(page, image, openPopup, 'invert the colours');
  await item.getByRole('button', { name: 'Replace on page' }).click();
  await expect(item.getByRole('button', { name: 'Restore original' })).toBeVisible();
  await expect(item.getByRole('status').filter({ hasText: 'Shown on the page.' })).toBeVisible();

  const replaced = await look(page, image);
  expect(replaced.currentSrc).toMatch(/^blob:/);
  expect(replaced.loaded).toBe(true);
  expect(replaced.box).toEqual(original.box);
  expectInverted(replaced.centre, original.centre);

  // The popup opened again still knows the result is on the page.
  await popup.reload();
  await jobItem(popup, 'invert the colours').getByRole('button', { name: 'Restore original' }).click();
  await expect(jobItem(popup, 'invert the colours').getByRole('button', { name: 'Replace on page' })).toBeVisible();
  const restored = await look(page, image);
  expect(restored).toEqual(original);

  // Replaced again, then the page is reloaded: the original shows, nothing is reapplied.
  await popup.bringToFront();
  await jobItem(popup, 'invert the colours').getByRole('button', { name: 'Replace on page' }).click();
  await expect(jobItem(popup, 'invert the colours').getByRole('button', { name: 'Restore original' })).toBeVisible();
  await page.reload();
  await expect.poll(async () => (await look(page, image)).loaded).toBe(true);
  expect(await look(page, image)).toEqual(original);
  await popup.reload();
  await expect(jobItem(popup, 'invert the colours').getByRole('button', { name: 'Replace on page' })).toBeVisible();
  await page.waitForTimeout(500);
  expect((await look(page, image)).currentSrc).toBe(original.currentSrc);
});

test('replaces a <picture> image chosen from a source, and restores its sources', async ({ page, site, openOptions, openPopup }) => {
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/replace.html'));
  const image = page.locator('#responsive');
  const original = await look(page, image);
  expect(original.currentSrc).toBe(site.url('/landscape.png'));
  expect(original.box).toEqual({ width: 320, height: 240 });

  const { item } = await editAndWait(page, image, openPopup, 'invert this landscape');
  await item.getByRole('button', { name: 'Replace on page' }).click();
  await expect(item.getByRole('button', { name: 'Restore original' })).toBeVisible();

  const replaced = await look(page, image);
  expect(replaced.currentSrc).toMatch(/^blob:/);
  expect(replaced.box).toEqual(original.box);
  expectInverted(replaced.centre, original.centre);

  await item.getByRole('button', { name: 'Restore original' }).click();
  await expect(item.getByRole('button', { name: 'Replace on page' })).toBeVisible();
  await expect.poll(async () => (await look(page, image)).currentSrc).toBe(original.currentSrc);
  expect(await look(page, image)).toEqual(original);
});

test('replaces a CSS background, drawn at the size of the original tiles, and restores its style', async ({ page, site, openOptions, openPopup }) => {
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/replace.html'));
  const tiles = page.getByRole('img', { name: 'Checkered badge tiles' });
  const style = () => tiles.evaluate((element) => element.getAttribute('style'));
  const before = { style: await style(), shot: PNG.sync.read(await tiles.screenshot()) };

  await startEdit(await pickAndOpenPromptBox(page, tiles, page.getByRole('heading', { level: 1 })), 'invert the tiles');
  const popup = await openPopup();
  const item = jobItem(popup, 'invert the tiles');
  await expect(item.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await item.getByRole('button', { name: 'Replace on page' }).click();
  await expect(item.getByRole('button', { name: 'Restore original' })).toBeVisible();

  await page.bringToFront();
  const inline = await tiles.evaluate((element: HTMLElement) => ({ image: element.style.backgroundImage, size: element.style.backgroundSize }));
  expect(inline.image).toContain('blob:');
  // badge.png is 64×64: a result of any other pixel size is drawn as 64 px tiles too.
  expect(inline.size).toBe('64px 64px');
  const after = PNG.sync.read(await tiles.screenshot());
  // One pixel inside the first tile and one inside the third (two tiles further right).
  for (const x of [20, 148]) {
    const at = (20 * after.width + x) * 4;
    expectInverted([...after.data.subarray(at, at + 3)], [...before.shot.data.subarray(at, at + 3)]);
  }

  await popup.bringToFront();
  await item.getByRole('button', { name: 'Restore original' }).click();
  await expect(item.getByRole('button', { name: 'Replace on page' })).toBeVisible();
  expect(await style()).toBe(before.style);
});

test('a page showing something else gets a clear message and no change', async ({ page, site, openOptions, openPopup }) => {
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/replace.html'));
  const { item } = await editAndWait(page, page.locator('#plain'), openPopup, 'invert it please');
  await page.goto(site.url('/images.html'));
  await item.getByRole('button', { name: 'Replace on page' }).click();
  await expect(item.getByRole('alert')).toHaveText('Open the page the picture came from: Replace on page — test page');
  await page.bringToFront();
  expect(await page.locator('img[src^="blob:"]').count()).toBe(0);
});
