// Issue 4's corpus (tests/fixtures/pages/corpus, described in ./corpus.ts): every kind of image a page
// can show, edited the way a person does it, and checked where it matters: at the API double, what was
// sent (decoded size, orientation through the quadrant colours, format, no EXIF), or the clear message
// in the prompt box when the file cannot be read. Production build, production permissions (no access
// to all sites): only what activeTab and the fallback chain can reach.
import type { Locator, Page } from '@playwright/test';
import { decodeImage } from '../double/image-codec';
import type { ApiDouble } from '../double';
import { CORPUS, expectsImage, type CorpusCase } from './corpus';
import { containsExif, sentImageProblems } from './corpus-check';
import { openPromptBox, pickAndOpenPromptBox, saveApiKey } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

/** What the double received as the input image of the edit with this instruction; undefined when no create came. */
async function sentInput(api: ApiDouble, prompt: string) {
  const find = () => [...api.predictions.values()].find((p) => p.body.input.prompt === prompt)?.input ?? undefined;
  for (const deadline = Date.now() + 15_000; Date.now() < deadline && !find();) await new Promise((r) => setTimeout(r, 100));
  return find();
}

/** Opens the prompt box for a case's image the way a person reaches it. */
async function promptBoxFor(page: Page, c: CorpusCase): Promise<Locator> {
  const image = page.getByRole('img', { name: c.imageName });
  if (c.source.menu === 'image') return openPromptBox(page, image);
  // Every corpus page has a heading: a spot with the page's own menu.
  return pickAndOpenPromptBox(page, image, page.getByRole('heading', { level: 1 }));
}

async function checkCase(page: Page, api: ApiDouble, site: { url(path: string): string; requests: { path: string }[] }, c: CorpusCase) {
  await page.goto(site.url(c.page));
  const dialog = await promptBoxFor(page, c);
  if ('error' in c.expect) {
    await expect.soft(dialog.getByRole('alert')).toHaveText(c.expect.error);
    await expect.soft(dialog.getByRole('button', { name: 'Start edit' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Close' }).click();
    return;
  }
  if (!expectsImage(c)) return;
  // What will be sent is shown before the user pays for it (±1 px: rounding at the cap).
  const { width } = c.expect;
  const facts = dialog.getByRole('group', { name: 'Image to send' });
  await expect.soft(facts).toContainText(new RegExp(`Sends (${width - 1}|${width}|${width + 1}) × `));
  const how = HOW_OBTAINED[c.name];
  if (how) await expect.soft(facts, `${c.name}: how the picture was obtained`).toContainText(how);
  const prompt = `corpus: ${c.name}`;
  await dialog.getByRole('textbox', { name: 'Edit instruction' }).fill(prompt);
  await dialog.getByRole('textbox', { name: 'Edit instruction' }).press('Enter');
  const input = await sentInput(api, prompt);
  expect.soft(input, `${c.name}: a create reached the provider`).toBeDefined();
  if (!input) return void (await dialog.getByRole('button', { name: 'Close' }).click().catch(() => undefined));
  const raster = decodeImage(input.data);
  expect.soft(sentImageProblems(raster, `image/${input.format}`, c.expect), `${c.name}: what was sent`).toEqual([]);
  expect.soft(containsExif(input.data), `${c.name}: metadata left in what was sent`).toBe(false);
  if (c.source.bestFile) expect.soft(site.requests.map((r) => r.path), `${c.name}: the best source was downloaded`).toContain(c.source.bestFile.split('?')[0]);
}

// CORPUS_CASE=name runs one case (when working on it); CI runs them all.
/**
 * How the prompt box says the bytes were obtained, where that is the point of the case: without access
 * to all sites a cross-origin image without CORS can only be a screenshot; pixels drawn by the page
 * are read in the page.
 */
const HOW_OBTAINED: Readonly<Record<string, RegExp>> = {
  'cross-origin-jpeg': /screenshot of its visible part was used/,
  srcset: /largest version the page offers was used/,
  'lazy-data-src': /lazy-loading placeholder/,
  canvas: /as the page shows it/,
  'animated-gif': /first frame/,
};

const byMenu = (menu: 'image' | 'picker') =>
  CORPUS.filter((c) => c.source.menu === menu && (!process.env.CORPUS_CASE || c.name === process.env.CORPUS_CASE));

test('every image the image menu offers is sent at its best, or refused with a clear message', async ({ page, site, api, openOptions, serviceWorker }) => {
  const cases = byMenu('image');
  test.setTimeout(cases.length * 15_000);
  await waitForMenuReady(await serviceWorker());
  await (await saveApiKey(openOptions, 'r8_test_valid')).close();
  for (const c of cases) await test.step(c.name, () => checkCase(page, api, site, c));
});

test('pictures without an image menu are reached with the picker and sent at their best', async ({ page, site, api, openOptions, serviceWorker }) => {
  const cases = byMenu('picker');
  test.setTimeout(cases.length * 15_000 + 10_000);
  await waitForMenuReady(await serviceWorker());
  await (await saveApiKey(openOptions, 'r8_test_valid')).close();
  for (const c of cases) await test.step(c.name, () => checkCase(page, api, site, c));
});
