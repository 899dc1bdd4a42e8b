/**
 * "Replace on page" and "Restore original", background side: finds the page a result's picture came
 * from, checks a tab still shows it, and hands the result's bytes to the prompt script there (injected
 * when it is not running), which swaps the picture (utils/page/replace-image.ts).
 *
 *   popup ── bg:replace-on-page ──▶ background ── page:replace {dataUri} ──▶ tab/frame
 *        ◀── replaced | message ───            ◀── ok | message ───────────
 */
import { z } from 'zod';
import { pageSourceOf, type PageSource } from './history/find-job';
import type { Job } from './job';
import type { PageMessage, ReplaceOnPageResult } from './messages';
import type { ReplacedEntry } from './replace-on-page-state';

/** A tab as far as we may see it (its URL is hidden without access to its page). */
export interface TabInfo {
  id?: number;
  url?: string;
  title?: string;
}

/** Everything the feature reaches outside itself; the background passes the browser's, tests fakes. */
export interface ReplaceOnPageDeps {
  findJob(id: string): Promise<Job | undefined>;
  /** The job's result as a data: URI, or undefined when its bytes are gone. */
  resultDataUri(jobId: string): Promise<string | undefined>;
  getTab(tabId: number): Promise<TabInfo | undefined>;
  /** The tab the user is looking at (the popup's click gave access to it). */
  activeTab(): Promise<TabInfo | undefined>;
  /** Sends to the prompt script of one frame; rejects when none is listening. */
  sendToFrame(tabId: number, frameId: number, message: PageMessage): Promise<unknown>;
  /** Injects the prompt script into one frame. */
  injectPromptScript(tabId: number, frameId: number): Promise<void>;
  replaced: {
    list(): Promise<ReplacedEntry[]>;
    set(entry: ReplacedEntry, replaced: boolean): Promise<void>;
  };
}

const PageReply = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), message: z.string().max(500) })]);

const NO_RESULT = 'That result no longer exists.';
const NO_PAGE = 'This picture did not come from a web page that can be found again.';
const NO_ACCESS = 'Edit with Kontext cannot change that page now. Right-click the picture there, or open this popup while viewing the page, and try again.';
const NO_ANSWER = 'The page did not answer. Reload it and try again.';
/** Shows the job's own result in place of the picture its chain of edits started from. */
export async function replaceOnPage(jobId: string, deps: ReplaceOnPageDeps): Promise<ReplaceOnPageResult> {
  const job = await deps.findJob(jobId);
  if (job?.phase !== 'done' || !job.result) return { ok: false, message: NO_RESULT };
  const source = await pageSourceOf(job, deps.findJob);
  if (!source?.pageUrl) return { ok: false, message: NO_PAGE };
  const place = await findPlace(source, deps);
  if (typeof place === 'string') return { ok: false, message: place };
  const dataUri = await deps.resultDataUri(jobId);
  if (!dataUri) return { ok: false, message: NO_RESULT };

  const message: PageMessage = {
    type: 'page:replace',
    jobId,
    dataUri,
    // The click's token names the element itself, but only in the tab and document it was made in.
    ...(place.tabId === source.tabId && source.token ? { token: source.token } : {}),
    ...(source.srcUrl ? { srcUrl: source.srcUrl } : {}),
  };
  let reply = PageReply.safeParse(await deps.sendToFrame(place.tabId, place.frameId, message).catch(() => undefined));
  if (!reply.success) {
    // Not running there (the page was reloaded since), or an older copy that does not know the message.
    try {
      await deps.injectPromptScript(place.tabId, place.frameId);
    } catch {
      return { ok: false, message: NO_ACCESS };
    }
    reply = PageReply.safeParse(await deps.sendToFrame(place.tabId, place.frameId, message).catch(() => undefined));
  }
  if (!reply.success) return { ok: false, message: NO_ANSWER };
  if (!reply.data.ok) return reply.data;
  await deps.replaced.set({ tabId: place.tabId, frameId: place.frameId, jobId }, true);
  return { ok: true, state: 'replaced' };
}

/**
 * Puts the page's own picture back wherever this session replaced it with the job's result. A page
 * that was reloaded or closed shows its own picture already: that is a success too.
 */
export async function restoreOriginal(jobId: string, deps: ReplaceOnPageDeps): Promise<ReplaceOnPageResult> {
  const entries = (await deps.replaced.list()).filter((entry) => entry.jobId === jobId);
  for (const entry of entries) {
    // Never injected for a restore: a page without our script shows no replacement.
    const reply = PageReply.safeParse(await deps.sendToFrame(entry.tabId, entry.frameId, { type: 'page:restore', jobId }).catch(() => undefined));
    if (reply.success && !reply.data.ok) return reply.data;
    await deps.replaced.set(entry, false);
  }
  return { ok: true, state: 'restored' };
}

/** The tab (and frame) showing the source's page: the tab of the click, else the one the user looks at. */
async function findPlace(source: PageSource, deps: ReplaceOnPageDeps): Promise<{ tabId: number; frameId: number } | string> {
  const clickTab = source.tabId === undefined ? undefined : await deps.getTab(source.tabId).catch(() => undefined);
  if (clickTab?.id !== undefined && samePage(clickTab.url, source.pageUrl)) return { tabId: clickTab.id, frameId: source.frameId ?? 0 };
  const active = await deps.activeTab().catch(() => undefined);
  if (active?.id !== undefined && samePage(active.url, source.pageUrl)) return { tabId: active.id, frameId: 0 };
  return `Open the page the picture came from: ${source.pageTitle?.trim() || source.pageUrl}`;
}

/** Whether two addresses show the same page (the part after # only scrolls it). */
export function samePage(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return a.split('#')[0] === b.split('#')[0];
}
