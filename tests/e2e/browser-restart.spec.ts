// Quitting the browser with edits in flight loses none of them: they resume when it starts again.
import { openExtensionPage, waitForExtensionId } from './extension';
import { creates, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

// Without sync mode the jobs are polled, so at the restart all three are mid-flight at the provider.
test.use({ apiOptions: { maxPreferWaitSeconds: 0, timing: { startingMs: 300, processingMs: 12_000 } } });

const EDITS = [
  ['A red ball on a wooden table', 'one: add rain'],
  ['Mountains at sunset above a lake', 'two: add a rainbow'],
  ['Blue and yellow checkered badge', 'three: make it gold'],
] as const;

test('three edits in flight finish after the browser restarts', async ({ page, site, api, openOptions, serviceWorker, extensionBrowser }) => {
  test.setTimeout(120_000);
  await waitForMenuReady(await serviceWorker());
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  for (const [image, instruction] of EDITS) {
    await startEdit(await openPromptBox(page, page.getByAltText(image)), instruction);
  }
  await expect.poll(() => creates(api.requests).length, { timeout: 20_000 }).toBe(3);

  const restarted = await extensionBrowser.restart();
  try {
    const requestsAtRestart = api.requests.length;
    await waitForExtensionId(restarted.context);
    // No extension page is opened yet: the browser's start alone must resume the jobs.
    await expect.poll(() => api.fileRequests.filter((request) => request.method === 'GET').length, { timeout: 60_000 }).toBe(3);
    expect(api.requests.length).toBeGreaterThan(requestsAtRestart);

    const id = await waitForExtensionId(restarted.context);
    const popup = await openExtensionPage(restarted.context, id, 'popup.html');
    for (const [, instruction] of EDITS) {
      await expect(jobItem(popup, instruction).getByText('Done', { exact: true })).toBeVisible();
    }
    expect(creates(api.requests)).toHaveLength(3);
  } finally {
    await restarted.context.close();
  }
});
