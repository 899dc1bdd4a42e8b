/**
 * `npm run demo`: the extension in Chromium against the local Replicate double (or the real API when
 * REPLICATE_API_TOKEN is set), with a page of images to edit.
 *   --auto   run the whole flow by itself (right-click, instruction, Done), write screenshots, exit 0.
 *   (none)   open a window for a person and wait until it is closed.
 * scripts/demo.sh chooses: --auto when there is no display (it then provides a virtual one).
 */
import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startApiDouble, type ApiDouble } from '../tests/double';
import { launchExtensionBrowser } from '../tests/e2e/browser';
import { openExtensionPage, waitForExtensionId, waitForMenuReady, currentServiceWorker } from '../tests/e2e/extension';
import { rightClickImageAndChoose } from '../tests/e2e/right-click';
import { startStaticSite } from '../tests/e2e/static-site';

const OUTPUT_DIR = path.resolve(import.meta.dirname, '../demo-output');
const INSTRUCTION = 'make it black and white';
const realToken = process.env.REPLICATE_API_TOKEN?.trim();
const auto = process.argv.includes('--auto');

async function main(): Promise<void> {
  const api: ApiDouble | undefined = realToken ? undefined : await startApiDouble({ tls: true, outputBaseUrl: 'https://replicate.delivery' });
  const site = await startStaticSite();
  const browser = await launchExtensionBrowser(api ? { apiPort: api.apiPort, filesPort: api.filesPort } : null);
  const { context } = browser;
  const shutdown = async () => {
    await browser.close().catch(() => undefined);
    await site.close();
    await api?.close();
  };
  process.once('SIGINT', () => void shutdown().then(() => process.exit(130)));

  try {
    const extensionId = await waitForExtensionId(context);
    await waitForMenuReady(await currentServiceWorker(context, extensionId));
    console.log(api ? `demo: API double at ${api.apiUrl} (as https://api.replicate.com)` : 'demo: using the real Replicate API');

    // Save the key the way a person does, on the options page.
    const options = await openExtensionPage(context, extensionId, 'options.html');
    await options.getByLabel('API key', { exact: true }).fill(realToken ?? 'r8_test_valid');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();

    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(site.url('/images.html'));
    await page.bringToFront();

    if (auto) await runFlow(page, extensionId);
    else {
      console.log(`demo: right-click an image on ${site.url('/images.html')} and choose "Edit with Kontext". Close the window to stop.`);
      await new Promise<void>((resolve) => context.once('close', () => resolve()));
    }
  } finally {
    await shutdown();
  }
}

/** The flow a person would follow, with screenshots of the prompt box and the popup. */
async function runFlow(page: Page, extensionId: string): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  await rightClickImageAndChoose(page, page.getByAltText('A red ball on a wooden table'));
  const dialog = page.getByRole('dialog', { name: 'Edit with Kontext' });
  await dialog.waitFor();
  await dialog.getByRole('textbox', { name: 'Edit instruction' }).fill(INSTRUCTION);
  const promptShot = path.join(OUTPUT_DIR, 'prompt-box.png');
  await page.screenshot({ path: promptShot });
  await dialog.getByRole('button', { name: 'Start edit' }).click();

  const popup = await openExtensionPage(page.context(), extensionId, 'popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  const item = popup.getByRole('listitem').filter({ hasText: INSTRUCTION });
  await item.getByText('Done', { exact: true }).waitFor({ timeout: 120_000 });
  await item.getByRole('img', { name: new RegExp(INSTRUCTION) }).waitFor();
  const popupShot = path.join(OUTPUT_DIR, 'popup.png');
  await popup.screenshot({ path: popupShot });
  console.log(`demo: the edit finished. Screenshots:\n  ${promptShot}\n  ${popupShot}`);
}

main().catch((error: unknown) => {
  console.error('demo failed:', error);
  process.exit(1);
});
