// The result page on the production build against the double: chained edits and a branch grow the
// version tree, the compare view works by keyboard and pointer, and Save downloads the version shown.
import type { Locator, Page } from '@playwright/test';
import { closeExtensionPages, creates, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForDownload, waitForMenuReady } from './fixtures';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test.beforeEach(async ({ serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
});

/** "Edit again" on the version the result page shows; waits until the new version is in the tree. */
async function editAgain(result: Page, instruction: string, versionName: string): Promise<Locator> {
  await result.getByRole('button', { name: 'Edit again' }).click();
  await startEdit(result.getByRole('dialog', { name: 'Edit with Kontext' }), instruction);
  // It joins the tree once it is done and moved to the history.
  const item = result.getByRole('tree', { name: 'Versions' }).getByRole('treeitem', { name: versionName });
  await expect(item).toBeVisible({ timeout: 30_000 });
  return item;
}

test('three chained edits and a branch form a tree; compare, hold and Save work on the result page', async ({ page, site, api, context, openOptions, openPopup, downloadsDir }) => {
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'make it night');

  // The popup's result picture links to the result page.
  const popup = await openPopup();
  const first = jobItem(popup, 'make it night');
  await expect(first.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  const href = await first.getByRole('link').filter({ has: popup.getByRole('img', { name: /make it night/ }) }).getAttribute('href');
  expect(href).toMatch(/\/result\.html#job=/);
  const result = await context.newPage();
  await result.goto(new URL(href ?? '', popup.url()).href);

  const tree = result.getByRole('tree', { name: 'Versions' });
  await expect(result.getByRole('heading', { level: 1, name: 'make it night' })).toBeVisible({ timeout: 15_000 });
  await expect(tree.getByRole('treeitem', { name: 'Version 1: make it night' })).toBeVisible({ timeout: 15_000 });

  // Two more edits in a chain, each from the version just made.
  await (await editAgain(result, 'add stars', 'Version 2: add stars')).click();
  await expect(result.getByRole('heading', { level: 1, name: 'add stars' })).toBeVisible();
  await (await editAgain(result, 'add a moon', 'Version 3: add a moon')).click();
  await expect(result.getByRole('heading', { level: 1, name: 'add a moon' })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'Version 3: add a moon' })).toHaveAttribute('aria-selected', 'true');

  // By keyboard to the first version; Back returns to the one before (the hash is the page's history).
  await tree.getByRole('treeitem', { name: 'Version 3: add a moon' }).focus();
  await result.keyboard.press('Home');
  await expect(tree.getByRole('treeitem', { name: 'Version 1: make it night' })).toBeFocused();
  await result.keyboard.press('Enter');
  await expect(result.getByRole('heading', { level: 1, name: 'make it night' })).toBeVisible();
  await result.goBack();
  await expect(result.getByRole('heading', { level: 1, name: 'add a moon' })).toBeVisible();
  await result.goForward();
  await expect(result.getByRole('heading', { level: 1, name: 'make it night' })).toBeVisible();

  // A branch: Edit again on version 1 sits beside version 2, not under version 3.
  await editAgain(result, 'make it snow', 'Version 4: make it snow');
  const v1 = tree.getByRole('treeitem', { name: 'Version 1: make it night' });
  const v1Children = v1.getByRole('group').first().locator(':scope > [role="treeitem"]');
  await expect(v1Children).toHaveCount(2);
  await expect(v1Children.nth(0)).toHaveAccessibleName('Version 2: add stars');
  await expect(v1Children.nth(1)).toHaveAccessibleName('Version 4: make it snow');
  await expect(tree.getByRole('treeitem', { name: 'Version 2: add stars' }).getByRole('treeitem')).toHaveAccessibleName('Version 3: add a moon');
  await expect(tree.getByRole('treeitem', { name: 'Version 3: add a moon' })).toHaveAttribute('aria-level', '3');
  await expect(tree.getByRole('treeitem', { name: 'Version 4: make it snow' })).toHaveAttribute('aria-level', '2');
  expect(creates(api.requests)).toHaveLength(4);

  await tree.getByRole('treeitem', { name: 'Version 4: make it snow' }).click();
  await expect(result.getByRole('heading', { level: 1, name: 'make it snow' })).toBeVisible();
  await expect(result.getByRole('img', { name: 'Result: make it snow' })).toBeVisible();

  // Compare by keyboard.
  const resultImage = () => result.getByRole('img', { name: 'Result: make it snow' });
  const slider = result.getByRole('slider', { name: 'Compare with original' });
  await expect(slider).toHaveAttribute('aria-valuenow', '50');
  await slider.focus();
  await result.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuenow', '51');
  await result.keyboard.press('PageDown');
  await expect(slider).toHaveAttribute('aria-valuenow', '41');
  await result.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuenow', '100');
  await result.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuenow', '0');

  // And by dragging across the picture.
  const box = await resultImage().boundingBox();
  if (!box) throw new Error('The result is not on screen');
  await result.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
  await result.mouse.down();
  await result.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2, { steps: 5 });
  await result.mouse.up();
  await expect(slider).toHaveAttribute('aria-valuenow', /^(24|25|26)$/);

  // Hold to see the original: with Space held, then with the pointer held.
  const original = result.getByRole('img', { name: 'Original image' });
  const hold = result.getByRole('button', { name: 'Hold to see original' });
  await hold.focus();
  await result.keyboard.down('Space');
  await expect(resultImage()).toBeHidden();
  await expect(original).toBeVisible();
  await result.keyboard.up('Space');
  await expect(resultImage()).toBeVisible();
  await hold.hover();
  await result.mouse.down();
  await expect(resultImage()).toBeHidden();
  await result.mouse.up();
  await expect(resultImage()).toBeVisible();

  // Save downloads the version shown.
  await result.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(result.getByText('Saved to your downloads.')).toBeVisible();
  const file = await waitForDownload(downloadsDir, { name: /^kontext-make-it-snow-\d{8}-\d{6}\.png$/ });
  expect([...file.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);

  // Deleting a version in the middle keeps its edit, now under the version before it.
  // (Its row: the middle of its tree item is the edit nested under it.)
  await tree.getByText('add stars', { exact: true }).click();
  await expect(result.getByRole('heading', { level: 1, name: 'add stars' })).toBeVisible();
  await result.getByRole('button', { name: 'Delete' }).click();
  await result.getByRole('alertdialog', { name: 'Delete this version?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(result.getByRole('heading', { level: 1, name: 'make it night' })).toBeVisible();
  await expect(tree.getByRole('treeitem')).toHaveCount(3);
  await expect(tree.getByRole('treeitem', { name: 'Version 2: add a moon' })).toHaveAttribute('aria-level', '2');
});

test('clicking the notification of a finished edit opens its result page', async ({ page, site, context, openOptions, serviceWorker }) => {
  await (await saveApiKey(openOptions, 'r8_test_valid')).close();
  // With no extension page open, the finish is announced by a notification.
  await closeExtensionPages(context);
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'add a rainbow');

  const worker = await serviceWorker();
  await expect
    .poll(() => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())), { timeout: 30_000 })
    .toEqual([expect.stringMatching(/^job:/)]);
  // A person's click, through the listener the extension registered (the event's own dispatch).
  const opened = context.waitForEvent('page', (tab) => tab.url().includes('/result.html#job='));
  await worker.evaluate(async () => {
    const [id = ''] = Object.keys(await chrome.notifications.getAll());
    (chrome.notifications.onClicked as unknown as { dispatch: (id: string) => void }).dispatch(id);
  });
  const result = await opened;
  await expect(result.getByRole('heading', { level: 1, name: 'add a rainbow' })).toBeVisible({ timeout: 15_000 });
  await expect(result.getByRole('tree', { name: 'Versions' }).getByRole('treeitem', { name: 'Version 1: add a rainbow' })).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()))).toEqual([]);
});
