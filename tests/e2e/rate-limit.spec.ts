// Rate limits delay, never fail: an account without a payment method gets 6 creates a minute with a
// burst of 1. Ten edits started at once all finish, created in the order they were started, although
// the provider answered 429 to many creates along the way.
import type { Page } from '@playwright/test';
import { creates, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';
import { readStoredJobs } from './stop-points';

// The double's "minute" is compressed to 20 s to keep the suite fast: the same shape of limit (6 per
// minute, burst 1: one create every 3.3 s here), the same 429 answers with their "~Ns" wait.
test.use({ apiOptions: { createRateLimit: { perMinute: 6, burst: 1, minuteMs: 20_000 }, timing: { startingMs: 100, processingMs: 500 } } });
test.setTimeout(120_000);

const EDITS = 10;
// Zero-padded so no instruction is part of another ("#1" would match "#10").
const prompt = (n: number): string => `rate edit #${String(n).padStart(2, '0')}`;

/** The live jobs and the finished ones in the history. */
const storedJobs = (popup: Page) => readStoredJobs(popup);

test('ten edits under a 6-a-minute limit all finish, in the order they were started, none failed', async ({ page, site, api, openOptions, openPopup, serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), prompt(1));

  const popup = await openPopup();
  await expect(jobItem(popup, prompt(1)).getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  const firstId = (await storedJobs(popup)).find((job) => job.prompt === prompt(1))?.id ?? '';
  expect(firstId).not.toBe('');

  // The other nine as fast as the popup's own "Edit again" command can be sent, one after another.
  const started = [prompt(1)];
  for (let n = 2; n <= EDITS; n++) {
    const reply = await popup.evaluate(
      ([jobId, text]) =>
        chrome.runtime.sendMessage({
          type: 'bg:start-edit',
          request: { source: { kind: 'job', jobId }, prompt: text, aspectRatio: 'match_input_image', outputFormat: 'png' },
        }),
      [firstId, prompt(n)] as const,
    );
    expect(reply).toMatchObject({ ok: true });
    started.push(prompt(n));
  }

  // A waiting job tells why it waits: the provider's limit, with the time it asked for.
  await expect(popup.getByText(/^Rate limited: retrying in \d+ s/).first()).toBeVisible({ timeout: 20_000 });
  await expect(popup.getByText(/^Waiting for (an earlier edit|\d+ earlier edits) to start\.$/).first()).toBeVisible();

  // Watch every job until all are done; a failure at any moment fails the test at once.
  const deadline = Date.now() + 150_000;
  for (;;) {
    const jobs = await storedJobs(popup);
    expect(jobs.filter((job) => job.phase === 'failed').map((job) => `${job.prompt}: ${job.error?.message ?? ''}`)).toEqual([]);
    if (jobs.filter((job) => job.phase === 'done').length === EDITS) break;
    expect(Date.now(), 'all edits done in time').toBeLessThan(deadline);
    await popup.waitForTimeout(1_000);
  }
  for (const text of started) await expect(jobItem(popup, text).getByText('Done', { exact: true })).toBeVisible();
  await expect(popup.getByText('Failed', { exact: true })).toHaveCount(0);

  // The limit was really hit, yet each edit was created exactly once, in the order it was started.
  const createRequests = new Set(creates(api.requests));
  const createLog = api.requests.filter((request) => createRequests.has(request));
  expect(createLog.filter((request) => request.status === 429).length).toBeGreaterThan(0);
  expect(createLog.filter((request) => request.status === 201)).toHaveLength(EDITS);
  // On failure, the message shows what reached the double when: `+ms status prompt`.
  const t0 = createLog[0]?.at ?? 0;
  const timeline = createLog.map((request) => `+${request.at - t0} ms ${request.status} ${(request.body as { input: { prompt: string } }).input.prompt}`);
  expect([...api.predictions.values()].map((prediction) => prediction.body.input.prompt), timeline.join('\n')).toEqual(started);
});
