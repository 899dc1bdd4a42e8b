// Steps a person takes, shared by the product specs: by role and accessible name, as people find them.
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { rightClickImageAndChoose } from './right-click';

/** Saves an API key on the options page, the way a person would. */
export async function saveApiKey(openOptions: () => Promise<Page>, key: string): Promise<Page> {
  const options = await openOptions();
  await options.getByLabel('API key', { exact: true }).fill(key);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toContainText('Saved');
  return options;
}

/** Right-clicks an image, chooses "Edit with Kontext" and returns the prompt box. */
export async function openPromptBox(page: Page, image: Locator): Promise<Locator> {
  await rightClickImageAndChoose(page, image);
  const dialog = page.getByRole('dialog', { name: 'Edit with Kontext' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/**
 * Right-clicks `menuAt` (a spot with the page's own menu, where "Pick an image to edit" sits above
 * "View page source" and "Inspect"), chooses the picker, clicks `picture` in it (the topmost one when
 * several are stacked there) and returns the prompt box.
 */
export async function pickAndOpenPromptBox(page: Page, picture: Locator, menuAt: Locator): Promise<Locator> {
  await rightClickImageAndChoose(page, menuAt, { keys: ['Up', 'Up', 'Up', 'Return'] });
  await expect(page.getByRole('dialog', { name: 'Pick an image to edit' })).toBeVisible();
  const box = await picture.boundingBox();
  if (!box) throw new Error('The picture to pick is not visible');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const stacked = page.getByRole('group', { name: 'Images at this point' });
  if (await stacked.isVisible()) await stacked.getByRole('button').first().click();
  const dialog = page.getByRole('dialog', { name: 'Edit with Kontext' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Types an instruction into the prompt box and starts the edit with Enter. */
export async function startEdit(dialog: Locator, instruction: string): Promise<void> {
  await dialog.getByRole('textbox', { name: 'Edit instruction' }).fill(instruction);
  await dialog.getByRole('textbox', { name: 'Edit instruction' }).press('Enter');
  await expect(dialog).toBeHidden({ timeout: 10_000 });
}

/** The popup's list item of the job with this instruction. */
export function jobItem(popup: Page, instruction: string): Locator {
  return popup.getByRole('listitem').filter({ hasText: instruction });
}

/** Creates sent to the double (each one would be billed). */
export function creates(requests: { method: string; path: string }[]): { method: string; path: string }[] {
  return requests.filter((request) => request.method === 'POST' && /\/predictions$/.test(request.path));
}

/** Closes every page of the extension (options, popup tabs), as when a person has none open. */
export async function closeExtensionPages(context: BrowserContext): Promise<void> {
  for (const page of context.pages().filter((p) => p.url().startsWith('chrome-extension://'))) await page.close();
}
