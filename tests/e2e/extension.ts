import type { BrowserContext, Page, Worker } from '@playwright/test';
import { openBrowserCdp } from './browser';

/**
 * The image menu's "Describe an edit…", which a right-click chooses by default (right-click.ts). It is
 * created after its parent "Edit with Kontext" in runtime.onInstalled: once it exists, both do.
 */
export const MENU_ITEM_ID = 'describe-edit';

const isExtensionWorker = (worker: Worker, extensionId?: string) =>
  worker.url().startsWith(extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://');

/** Id of the loaded extension, read from its service worker's URL (it depends on the folder path). */
export async function waitForExtensionId(context: BrowserContext, timeout = 15_000): Promise<string> {
  const worker = await currentServiceWorker(context, undefined, timeout);
  return new URL(worker.url()).host;
}

/** Playwright's handle on the extension's service worker, waiting for its first start if needed. */
export async function currentServiceWorker(
  context: BrowserContext,
  extensionId?: string,
  timeout = 15_000,
): Promise<Worker> {
  const running = context.serviceWorkers().find((worker) => isExtensionWorker(worker, extensionId));
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: (worker) => isExtensionWorker(worker, extensionId), timeout });
}

/** CDP targets of the extension's service worker: empty while it is stopped. */
async function serviceWorkerTargets(context: BrowserContext, extensionId: string) {
  // Playwright keeps one Worker object across restarts, so it cannot tell whether the worker runs; CDP can.
  const cdp = await openBrowserCdp(context);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  } finally {
    await cdp.detach();
  }
}

async function pollUntil(condition: () => Promise<boolean>, what: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The extension's service worker, started first when it is stopped, the way an event would start it:
 * an extension page posts a message to the worker's registration. Starting runs the background's
 * top-level code again (listeners, re-arming), as after Chrome's idle stop.
 */
export async function wakeServiceWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  if ((await serviceWorkerTargets(context, extensionId)).length === 0) {
    const page = await context.newPage();
    try {
      // Any extension URL gives the page the extension's origin and access to its registration.
      await page.goto(`chrome-extension://${extensionId}/manifest.json`);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        (registration?.active ?? registration?.waiting)?.postMessage('e2e-wake');
      });
    } finally {
      await page.close();
    }
    await pollUntil(async () => (await serviceWorkerTargets(context, extensionId)).length > 0, 'the service worker started');
  }
  const worker = await currentServiceWorker(context, extensionId);
  // Right after a restart the old execution context may still answer "Service worker restarted".
  await pollUntil(() => worker.evaluate(() => true).catch(() => false), 'the service worker answered');
  return worker;
}

/**
 * Stops the extension's service worker like Chrome does after 30 s idle: its in-flight fetches and
 * timers die with it. Resolves once the worker is gone; the next event starts a fresh one.
 *
 * The extension's own events can start a fresh worker at once (an alarm due that very moment), so
 * "no worker running" may never be seen: a running worker that started after the close counts as
 * stopped and started again. A close that left the old instance running is sent again.
 */
export async function stopServiceWorker(context: BrowserContext, extensionId: string, timeout = 10_000): Promise<void> {
  const closedAt = Date.now();
  const deadline = closedAt + timeout;
  let seen = '';
  while (Date.now() < deadline) {
    if ((await closeServiceWorkerTargets(context, extensionId)) === 0) return;
    const sent = Date.now();
    while (Date.now() - sent < 2_000 && Date.now() < deadline) {
      const running = await serviceWorkerTargets(context, extensionId);
      if (running.length === 0) return;
      const startedAt = await startOfRunningWorker(context, extensionId);
      if (startedAt !== undefined && startedAt > closedAt) return;
      seen = `${running.length} worker target(s) running, started ${startedAt === undefined ? '(no answer)' : `${closedAt - startedAt} ms before the stop`}`;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`Timed out after ${timeout} ms waiting until the service worker stopped: ${seen}`);
}

/** Asks Chrome to stop every running instance of the worker; returns how many there were. */
async function closeServiceWorkerTargets(context: BrowserContext, extensionId: string): Promise<number> {
  const targets = await serviceWorkerTargets(context, extensionId);
  if (targets.length === 0) return 0;
  const cdp = await openBrowserCdp(context);
  try {
    // A target that went away meanwhile makes closeTarget fail: that is the outcome wanted.
    for (const target of targets) await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
  } finally {
    await cdp.detach();
  }
  return targets.length;
}

/** When the running worker instance started (epoch ms, its `performance.timeOrigin`), if it answers. */
async function startOfRunningWorker(context: BrowserContext, extensionId: string): Promise<number | undefined> {
  try {
    const worker = await currentServiceWorker(context, extensionId, 1_000);
    return await withTimeout(worker.evaluate(() => performance.timeOrigin), 1_000);
  } catch {
    // Not answering: still stopping, or starting.
    return undefined;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Waits until the background has created the context-menu item (runtime.onInstalled can run after
 * the worker appears). `contextMenus.update` rejects for an unknown id, which makes it an existence test.
 */
export async function waitForMenuReady(worker: Worker, menuItemId = MENU_ITEM_ID, timeout = 10_000): Promise<void> {
  const exists = () =>
    worker.evaluate(async (id) => {
      try {
        await chrome.contextMenus.update(id, {});
        return true;
      } catch {
        return false;
      }
    }, menuItemId);
  await pollUntil(exists, `the context menu item "${menuItemId}" exists`, timeout);
}

/** Opens an extension page (e.g. popup.html) in a new tab of the test browser. */
export async function openExtensionPage(context: BrowserContext, extensionId: string, file: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/${file}`;
  const page = await context.newPage();
  try {
    await page.goto(url);
  } catch (error) {
    // The install-time options page can take this fresh blank tab mid-navigation (see claimTab):
    // when it lands on the page we wanted, that is as good; otherwise go there again.
    if (!page.url().startsWith(url)) await page.goto(url).catch(() => Promise.reject(error));
    await page.waitForLoadState();
  }
  return page;
}

/**
 * A tab no extension page will take over. Chrome opens a page an extension asks for on install (e.g.
 * `runtime.openOptionsPage`) in the active tab when that tab is blank, interrupting a test's first `goto`.
 * A tab that has committed a non-blank URL is left alone; a tab taken meanwhile is left to the extension.
 */
export async function claimTab(context: BrowserContext): Promise<Page> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const page = (attempt === 0 ? context.pages()[0] : undefined) ?? (await context.newPage());
    const claimed = await page.goto('data:text/html,<title>e2e</title>').then(
      () => page.url().startsWith('data:'),
      () => false,
    );
    if (claimed) return page;
  }
  throw new Error('Could not get a tab of our own: the extension keeps navigating new tabs');
}
