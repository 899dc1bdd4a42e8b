// Chrome stops the extension's service worker whenever it likes (30 s idle, a fetch waiting 30 s,
// memory pressure); a job must finish exactly once however often that happens. Every job here is
// stopped at each phase it passes through, and the worker is woken at once (as the alarm or an opened
// popup would, only sooner) so the run stays short; the last test leaves the waking to the alarm. An
// open popup reads the stored jobs meanwhile: reading storage does not wake the worker.
import type { Locator, Page, Worker } from '@playwright/test';
import type { Fault } from '../double';
import { openPromptBox } from './flows';
import { expect, test, waitForMenuReady, type ApiDouble, type StaticSite } from './fixtures';
import { expectEachJobDoneOnce } from './done-once';
import { createStopper, providerView, readStoredJob, stopPointOf, waitUntil, type StopPoint, type StopRecord } from './stop-points';

/** How long the page's images (so the job's own fetch of them) take: a window to stop the acquiring in. */
const IMAGE_DELAY_MS = 1_500;
const OUTPUT = { method: 'GET', path: '/xezq/' };
/** The first download of each output is held (a window to stop in), the next one briefly. */
const OUTPUT_FAULTS: Fault[] = [{ match: OUTPUT, delayMs: 2_000 }, { match: OUTPUT, delayMs: 300 }];
/** The provider's list, where a job whose create answer was lost looks for its prediction. */
const LIST = { method: 'GET', path: /^\/v1\/predictions(\?|$)/ };

interface Run {
  page: Page;
  api: ApiDouble;
  /** An open popup: it reads storage without waking the worker, and shows Done at the end. */
  observer: Page;
  stopper: ReturnType<typeof createStopper>;
}

interface SetUpFixtures {
  page: Page;
  site: StaticSite;
  api: ApiDouble;
  openOptions: () => Promise<Page>;
  openPopup: () => Promise<Page>;
  serviceWorker: () => Promise<Worker>;
  stopServiceWorker: () => Promise<void>;
}

/** A page of slow images, one per job, so acquiring the input takes long enough to be stopped. */
function serveSlowImages(site: StaticSite, count: number): string {
  const images = Array.from({ length: count }, (_, i) => {
    const file = i % 2 === 0 ? 'still-life.jpg' : 'landscape.png';
    return `<img src="/${file}?delay=${IMAGE_DELAY_MS}&n=${i}" width="160" height="120" alt="Picture ${i + 1}">`;
  });
  site.route('/slow-images.html', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`<!doctype html><title>Slow images</title><body>${images.join('\n')}</body>`);
  });
  return site.url('/slow-images.html');
}

/** Opens a browser with an API key saved, the slow page loaded and a popup open to observe. */
async function setUp(fixtures: SetUpFixtures, settings: { jobs: number; editsAtOnce: number }): Promise<Run> {
  const { page, site, api, openOptions, openPopup, serviceWorker, stopServiceWorker } = fixtures;
  await waitForMenuReady(await serviceWorker());
  const options = await openOptions();
  await options.getByLabel('API key', { exact: true }).fill('r8_test_valid');
  await options.getByLabel('Edits at once').fill(String(settings.editsAtOnce));
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toContainText('Saved');
  const observer = await openPopup();
  await page.goto(serveSlowImages(site, settings.jobs));
  return { page, api, observer, stopper: createStopper({ stop: stopServiceWorker, wake: serviceWorker, observer }) };
}

/** Stops the worker, expecting the job at one of `points`. */
async function stopExpecting(run: Run, label: string, prompt: string, ...points: StopPoint[]): Promise<void> {
  expect(points).toContain((await run.stopper.stopAndWake(label, prompt)).point);
}

/**
 * Starts an edit with the prompt box and returns the box, which closes by itself a moment later.
 * (Not flows' startEdit: that waits for the box to close, and the job is well on its way by then.)
 */
async function submitEdit(run: Run, picture: string, prompt: string): Promise<Locator> {
  const dialog = await openPromptBox(run.page, run.page.getByAltText(picture, { exact: true }));
  const instruction = dialog.getByRole('textbox', { name: 'Edit instruction' });
  await instruction.fill(prompt);
  await instruction.press('Enter');
  return dialog;
}

/** Starts an edit and stops the worker the moment the job is stored (while it fetches its image). */
async function startAndStop(run: Run, picture: string, prompt: string): Promise<void> {
  const dialog = await submitEdit(run, picture, prompt);
  await waitUntil(() => readStoredJob(run.observer, prompt).then(() => true, () => false), `"${prompt}" is stored`);
  await stopExpecting(run, 'right after Start edit', prompt, 'acquiring');
  await expect(dialog).toBeHidden();
}

/** Waits for the job's `nth` poll, then stops the worker while it waits for the next. */
async function stopBetweenPolls(run: Run, prompt: string, nth: number): Promise<void> {
  await waitUntil(() => providerView(run.api, prompt).polls().length >= nth, `"${prompt}" polls ${nth} times`);
  await stopExpecting(run, `between polls (${nth})`, prompt, 'polling');
}

/** Stops while the output download is held, then the moment a second download is answered, then after Done. */
async function stopAroundDownload(run: Run, prompt: string): Promise<void> {
  const provider = providerView(run.api, prompt);
  await waitUntil(() => provider.outputRequests().some((r) => r.status === 0), `"${prompt}" downloads its output`);
  await stopExpecting(run, 'during the output download', prompt, 'downloading');

  // Stopping the moment the next download is answered lands while the worker reads and stores the
  // image, or just after it recorded Done. (The first request is answered too, to a worker long gone.)
  await waitUntil(() => provider.outputRequests()[1]?.status === 200, `"${prompt}" receives its output`);
  await stopExpecting(run, 'as the output arrives', prompt, 'downloading', 'done');

  await waitUntil(async () => (await readStoredJob(run.observer, prompt)).phase === 'done', `"${prompt}" is done`);
  await stopExpecting(run, 'after Done', prompt, 'done');
}

/** Every listed point was stopped at, and at least `min` stops in all. */
function expectStopsCovered(log: StopRecord[], points: StopPoint[], min: number): void {
  expect(log.length).toBeGreaterThanOrEqual(min);
  for (const point of points) expect(log.map((record) => record.point)).toContain(point);
}

test.describe('against Replicate with sync mode', () => {
  // The create holds until the output exists, long enough to be stopped, recovered and polled after.
  test.use({ apiOptions: { timing: { startingMs: 200, processingMs: 8_000 } } });

  test('jobs stopped while acquiring, during the create, while recovering, between polls and around the download each finish once', async ({ page, site, api, openOptions, openPopup, serviceWorker, stopServiceWorker }) => {
    test.setTimeout(90_000);
    const prompts = ['add falling snow', 'make it black and white'];
    const run = await setUp({ page, site, api, openOptions, openPopup, serviceWorker, stopServiceWorker }, { jobs: prompts.length, editsAtOnce: 4 });

    for (const [i, prompt] of prompts.entries()) {
      const provider = providerView(run.api, prompt);
      for (const fault of OUTPUT_FAULTS) run.api.injectFault(fault);
      run.api.injectFault({ match: LIST, delayMs: 1_000 });
      await startAndStop(run, `Picture ${i + 1}`, prompt);

      // Sync mode: the provider holds the create request open while the worker dies with it.
      await waitUntil(() => provider.predictionCount() === 1, `"${prompt}" is created`);
      await stopExpecting(run, 'during the create request', prompt, 'create sent');
      // The woken job looks for its prediction in the provider's list; that request dies too.
      await waitUntil(() => run.api.requests.some((r) => r.method === 'GET' && LIST.path.test(r.path) && r.status === 0), `"${prompt}" lists predictions`);
      await stopExpecting(run, 'while looking for its prediction', prompt, 'create sent');
      // Found on the next look, the prediction is polled (no sync mode after a lost answer).
      await stopBetweenPolls(run, prompt, 1);
      await stopAroundDownload(run, prompt);
    }

    await expectEachJobDoneOnce(run.api, run.observer, openPopup, prompts);
    expectStopsCovered(run.stopper.log, ['acquiring', 'create sent', 'polling', 'downloading', 'done'], 14);
  });
});

test.describe('against an endpoint without sync mode, one edit at a time', () => {
  // The create is answered at once and the job polls, so most of its life is spent between polls.
  // The first edit runs long enough for the second to be started and queued meanwhile.
  test.use({ apiOptions: { maxPreferWaitSeconds: 0, timing: { startingMs: 200, processingMs: 10_000 } } });

  test('jobs stopped while acquiring, waiting for their turn, between polls and around the download each finish once', async ({ page, site, api, openOptions, openPopup, serviceWorker, stopServiceWorker }) => {
    test.setTimeout(90_000);
    const [first, second] = ['turn day into night', 'make it sepia'];
    const run = await setUp({ page, site, api, openOptions, openPopup, serviceWorker, stopServiceWorker }, { jobs: 2, editsAtOnce: 1 });

    for (const fault of OUTPUT_FAULTS) run.api.injectFault(fault);
    await startAndStop(run, 'Picture 1', first);
    await stopBetweenPolls(run, first, 1);
    run.api.setTiming({ processingMs: 7_000 });

    // A second edit arrives while the first holds the only slot: stopped while it fetches its image,
    // then while it waits in line, it must still get its turn.
    await startAndStop(run, 'Picture 2', second);
    await waitUntil(async () => stopPointOf(await readStoredJob(run.observer, second)) === 'before create', `"${second}" waits its turn`);
    await stopExpecting(run, 'waiting for its turn', second, 'before create');

    await stopBetweenPolls(run, first, 2);
    await stopAroundDownload(run, first);

    for (const fault of OUTPUT_FAULTS) run.api.injectFault(fault);
    await stopBetweenPolls(run, second, 1);
    await stopBetweenPolls(run, second, 2);
    await stopAroundDownload(run, second);

    await expectEachJobDoneOnce(run.api, run.observer, openPopup, [first, second]);
    expectStopsCovered(run.stopper.log, ['acquiring', 'before create', 'polling', 'downloading', 'done'], 13);
  });
});

test.describe('a request that outlasts the watchdog alarm', () => {
  // Sync mode holds the create longer than the watchdog: the alarm fires while the worker still waits.
  test.use({ apiOptions: { timing: { startingMs: 200, processingMs: 14_000 } } });

  test('a worker stopped after the watchdog fired mid-request is still restarted by an alarm', async ({ page, site, api, openOptions, openPopup, serviceWorker, stopServiceWorker }) => {
    test.setTimeout(60_000);
    const prompt = 'add a lighthouse';
    const run = await setUp({ page, site, api, openOptions, openPopup, serviceWorker, stopServiceWorker }, { jobs: 1, editsAtOnce: 4 });
    const alarm = () => run.observer.evaluate(async () => (await chrome.alarms.get('kontext-jobs')) ?? null);
    await expect(await submitEdit(run, 'Picture 1', prompt)).toBeHidden();
    await waitUntil(() => providerView(run.api, prompt).predictionCount() === 1, `"${prompt}" is created`);

    // The watchdog armed when the create left fires while the create is still held open.
    const watchdog = await alarm();
    expect(watchdog).not.toBeNull();
    await waitUntil(() => Date.now() > (watchdog?.scheduledTime ?? 0) + 500, 'the watchdog alarm has fired', 20_000);
    const held = await readStoredJob(run.observer, prompt);
    expect([held.phase, held.predictionId]).toEqual(['creating', undefined]);
    // A spent alarm must be followed by another while the job is unfinished: nothing else will wake a stopped worker.
    expect(await alarm()).not.toBeNull();

    // Stopped now (as Chrome does when a fetch waits 30 s), with nothing but the alarm to wake it.
    await stopServiceWorker();
    const listed = () => run.api.requests.some((r) => r.method === 'GET' && LIST.path.test(r.path));
    await waitUntil(listed, 'the alarm restarts the worker and it looks for its prediction', 20_000);
    await expectEachJobDoneOnce(run.api, run.observer, openPopup, [prompt]);
  });
});
