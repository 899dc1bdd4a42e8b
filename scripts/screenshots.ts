/**
 * `npm run screenshots`: the README's pictures of the history and the compare view, taken from the
 * production build against the local API double (docs/images/history.png, docs/images/compare.png).
 * Four edits of the test page's images, one of them edited again twice with a branch, so the popup
 * shows a real history and the result page a real version tree.
 */
import type { BrowserContext, Page } from '@playwright/test';
import path from 'node:path';
import { startApiDouble } from '../tests/double';
import { launchExtensionBrowser } from '../tests/e2e/browser';
import { currentServiceWorker, openExtensionPage, waitForExtensionId, waitForMenuReady } from '../tests/e2e/extension';
import { rightClickImageAndChoose } from '../tests/e2e/right-click';
import { startStaticSite } from '../tests/e2e/static-site';
import { startXvfb, useTestDisplay, type Xvfb } from '../tests/e2e/x-display';

const OUT = path.resolve(import.meta.dirname, '../docs/images');

async function edit(page: Page, image: string, instruction: string): Promise<void> {
  await rightClickImageAndChoose(page, page.getByAltText(image));
  const dialog = page.getByRole('dialog', { name: 'Edit with Kontext' });
  await dialog.getByRole('textbox', { name: 'Edit instruction' }).fill(instruction);
  await dialog.getByRole('button', { name: 'Start edit' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** "Edit again" on the version shown on a result page; waits until the new version is in its tree. */
async function editAgain(result: Page, instruction: string): Promise<void> {
  await result.getByRole('button', { name: 'Edit again' }).click();
  const dialog = result.getByRole('dialog', { name: 'Edit with Kontext' });
  await dialog.getByRole('textbox', { name: 'Edit instruction' }).fill(instruction);
  await dialog.getByRole('button', { name: 'Start edit' }).click();
  await result.getByRole('treeitem', { name: new RegExp(instruction) }).waitFor({ timeout: 60_000 });
}

async function waitDone(popup: Page, instruction: string): Promise<void> {
  await popup.getByRole('listitem').filter({ hasText: instruction }).getByText('Done', { exact: true }).waitFor({ timeout: 60_000 });
}

async function openResult(context: BrowserContext, popup: Page, instruction: string): Promise<Page> {
  const opened = context.waitForEvent('page');
  await popup.getByRole('img', { name: `Result: ${instruction}` }).click();
  const result = await opened;
  await result.getByRole('tree', { name: 'Versions' }).waitFor();
  return result;
}

async function main(): Promise<void> {
  let xvfb: Xvfb | undefined;
  if (!process.env.DISPLAY) {
    xvfb = await startXvfb();
    useTestDisplay(xvfb.display);
  }
  const api = await startApiDouble({ tls: true, outputBaseUrl: 'https://replicate.delivery', timing: { startingMs: 100, processingMs: 400 } });
  const site = await startStaticSite();
  const browser = await launchExtensionBrowser({ apiPort: api.apiPort, filesPort: api.filesPort });
  try {
    const { context } = browser;
    const id = await waitForExtensionId(context);
    await waitForMenuReady(await currentServiceWorker(context, id));
    const options = await openExtensionPage(context, id, 'options.html');
    await options.getByLabel('API key', { exact: true }).fill('r8_test_valid');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();

    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(site.url('/images.html'));
    const edits = [
      ['Blue and yellow checkered badge', 'make it gold and shiny'],
      ['Mountains at sunset above a lake', 'add a rainbow over the lake'],
      ['A red ball on a wooden table', 'make it a 90s cartoon'],
    ] as const;
    for (const [image, instruction] of edits) await edit(page, image, instruction);

    const popup = await openExtensionPage(context, id, 'popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    for (const [, instruction] of edits) await waitDone(popup, instruction);

    const result = await openResult(context, popup, 'make it a 90s cartoon');
    await result.setViewportSize({ width: 1280, height: 900 });
    await editAgain(result, 'add falling snow');
    await result.getByRole('treeitem', { name: /add falling snow/ }).click();
    await editAgain(result, 'turn it into a night scene');
    // A branch: back to the first version, edited another way.
    await result.getByRole('treeitem', { name: /make it a 90s cartoon/ }).click();
    await editAgain(result, 'make it look like a watercolour');
    await result.getByRole('treeitem', { name: /turn it into a night scene/ }).click();
    const slider = result.getByRole('slider', { name: 'Compare with original' });
    await slider.focus();
    for (let step = 0; step < 2; step += 1) await slider.press('PageDown');
    await result.mouse.move(0, 0);
    await result.screenshot({ path: path.join(OUT, 'compare.png') });

    await popup.bringToFront();
    await popup.reload();
    await popup.getByRole('listitem').first().waitFor();
    await popup.getByRole('searchbox', { name: 'Search history' }).waitFor();
    await popup.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('img.job-result')].every((img) => img.complete));
    await popup.screenshot({ path: path.join(OUT, 'history.png') });
    console.log(`screenshots: wrote ${path.join(OUT, 'history.png')} and ${path.join(OUT, 'compare.png')}`);
  } finally {
    await browser.close();
    await site.close();
    await api.close();
    await xvfb?.stop();
  }
}

main().catch((error: unknown) => {
  console.error('screenshots failed:', error);
  process.exit(1);
});
