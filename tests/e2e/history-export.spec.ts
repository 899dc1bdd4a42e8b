// Moving the history to another browser: two edits (one an "Edit again" of the other) exported from the
// options page as one .zip, imported into a fresh profile, where the popup lists the same edits with
// their pictures — on the production build against the local double.
import { unzipSync } from 'fflate';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchExtensionBrowser } from './browser';
import { openExtensionPage, waitForExtensionId } from './extension';
import { creates, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForDownload, waitForMenuReady } from './fixtures';

const FIRST = 'make it black and white';
const AGAIN = 'add a border';

interface ManifestEntry {
  record: { id: string; parentId?: string; job: { prompt: string } };
  images: { role: string; path: string; size: number }[];
}

/** The section of the options page this feature lives in. */
const historySection = (options: Page) => options.getByRole('region', { name: 'History and storage' });

/** SHA-256 of every picture the images store of this page's profile holds for these edits, by key. */
function storedPictures(page: Page, ids: string[]): Promise<Record<string, string>> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('edit-with-kontext');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const store = db.transaction('images').objectStore('images');
    const keys = ((await read(store.getAllKeys())) as string[]).filter((key) => wanted.some((id) => key.startsWith(`${id}:`)));
    const hashes: Record<string, string> = {};
    for (const key of keys) {
      const value = (await read(store.get(key))) as { bytes: ArrayBuffer; type: string };
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', value.bytes));
      hashes[key] = `${value.type} ${value.bytes.byteLength} ${[...digest].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    }
    db.close();
    return hashes;
  }, ids);
}

/** The result pictures in the popup item of `prompt` have loaded (decoded, not a broken image). */
async function expectDoneWithPicture(popup: Page, prompt: string) {
  const item = jobItem(popup, prompt);
  await expect(item.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  const picture = item.getByRole('img', { name: new RegExp(prompt) }).first();
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

test('an exported history imported into a fresh profile gives the same edits', async ({ page, site, api, openOptions, openPopup, serviceWorker, downloadsDir, extensionBrowser }) => {
  test.setTimeout(120_000);
  await waitForMenuReady(await serviceWorker());
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), FIRST);

  const popup = await openPopup();
  await expectDoneWithPicture(popup, FIRST);
  await jobItem(popup, FIRST).getByRole('button', { name: 'Edit again' }).first().click();
  const dialog = popup.getByRole('dialog', { name: 'Edit with Kontext' });
  await dialog.getByRole('textbox', { name: 'Edit instruction' }).fill(AGAIN);
  await dialog.getByRole('button', { name: 'Start edit' }).click();
  await expectDoneWithPicture(popup, AGAIN);
  expect(creates(api.requests)).toHaveLength(2);

  // Export once both finished edits have moved into the history.
  const options = await openOptions();
  const section = historySection(options);
  await expect(section.getByText('2 edits kept in the history.')).toBeVisible({ timeout: 20_000 });
  await expect(section.getByText(/^Space used: [\d.]+ (kB|MB) of [\d.]+ (MB|GB|TB) the browser allows/)).toBeVisible();
  await section.getByRole('button', { name: 'Export history' }).click();
  const file = await waitForDownload(downloadsDir, { name: /^kontext-history-\d{4}-\d{2}-\d{2}\.zip$/ });
  await expect(section.getByText(`Exported 2 edits to ${file.name}.`)).toBeVisible();

  const zip = unzipSync(new Uint8Array(file.bytes));
  const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json'])) as { format: string; formatVersion: number; entries: ManifestEntry[] };
  expect(manifest).toMatchObject({ format: 'edit-with-kontext-history', formatVersion: 1 });
  expect(manifest.entries.map((entry) => entry.record.job.prompt)).toEqual([FIRST, AGAIN]);
  const [first, again] = manifest.entries;
  expect(again?.record.parentId).toBe(first?.record.id);
  for (const entry of manifest.entries) {
    expect(entry.images.map((image) => image.role).sort()).toEqual(['input', 'input-thumb', 'result', 'result-thumb']);
    for (const image of entry.images) expect(zip[image.path]?.length).toBe(image.size);
  }
  const ids = manifest.entries.map((entry) => entry.record.id);
  const picturesBefore = await storedPictures(options, ids);
  expect(Object.keys(picturesBefore)).toHaveLength(8);

  // Keep the file: closing the first browser deletes its downloads folder.
  const keep = await mkdtemp(path.join(os.tmpdir(), 'ewk-export-'));
  const archive = path.join(keep, file.name);
  await copyFile(file.path, archive);
  await extensionBrowser.close();

  const fresh = await launchExtensionBrowser({ apiPort: api.apiPort, filesPort: api.filesPort });
  try {
    const id = await waitForExtensionId(fresh.context);
    const freshOptions = await openExtensionPage(fresh.context, id, 'options.html');
    const freshSection = historySection(freshOptions);
    await expect(freshSection.getByText('0 edits kept in the history.')).toBeVisible();

    const chooser = freshOptions.waitForEvent('filechooser');
    await freshSection.getByRole('button', { name: 'Import history…' }).click();
    await (await chooser).setFiles(archive);
    await expect(freshSection.getByText('2 edits imported, 0 already there.')).toBeVisible({ timeout: 20_000 });
    await expect(freshSection.getByText('2 edits kept in the history.')).toBeVisible();
    expect(await storedPictures(freshOptions, ids)).toEqual(picturesBefore);

    const freshPopup = await openExtensionPage(fresh.context, id, 'popup.html');
    await expectDoneWithPicture(freshPopup, FIRST);
    await expectDoneWithPicture(freshPopup, AGAIN);
    await expect(freshPopup.getByRole('listitem').filter({ hasText: /Done/ })).toHaveCount(2);

    // Importing the same file again adds nothing and deletes nothing.
    const again2 = freshOptions.waitForEvent('filechooser');
    await freshSection.getByRole('button', { name: 'Import history…' }).click();
    await (await again2).setFiles(archive);
    await expect(freshSection.getByText('0 edits imported, 2 already there.')).toBeVisible({ timeout: 20_000 });
    await expect(freshSection.getByText('2 edits kept in the history.')).toBeVisible();
    // The fresh profile has no key: nothing was sent to the provider on its behalf.
    expect(creates(api.requests)).toHaveLength(2);
  } finally {
    await fresh.close();
    await rm(keep, { recursive: true, force: true });
  }
});
