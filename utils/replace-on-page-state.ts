/**
 * Which results are shown in place of a picture, per tab, for this browser session only: what lets a
 * popup opened again offer "Restore original". The page itself forgets a replacement when it reloads or
 * navigates (the content script's memory goes with it), so this list forgets that tab then too.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createSerialQueue } from './serial-queue';

export const ReplacedEntry = z.object({ tabId: z.number().int(), frameId: z.number().int(), jobId: z.string() });
export type ReplacedEntry = z.infer<typeof ReplacedEntry>;

const ReplacedList = z.array(ReplacedEntry);

/** Session storage key of the list (storage.session: gone when the browser closes). */
export const REPLACED_ON_PAGE_KEY = 'session:replacedOnPage';

const replacedItem = storage.defineItem<ReplacedEntry[]>(REPLACED_ON_PAGE_KEY, { fallback: [] });
const serialized = createSerialQueue();

/** The replacements the page shows now, as far as this session knows. */
export async function getReplaced(): Promise<ReplacedEntry[]> {
  return parse(await replacedItem.getValue());
}

/** Calls back with the list now and at every change; returns the function that stops watching. */
export function watchReplaced(callback: (entries: ReplacedEntry[]) => void): () => void {
  let stopped = false;
  void getReplaced().then((entries) => !stopped && callback(entries));
  const unwatch = replacedItem.watch((value) => callback(parse(value)));
  return () => {
    stopped = true;
    unwatch();
  };
}

/** Records that the job's result is shown in that tab, or no longer is. */
export function setReplaced(entry: ReplacedEntry, replaced: boolean): Promise<void> {
  return update((list) => {
    const others = list.filter((item) => item.tabId !== entry.tabId || item.jobId !== entry.jobId);
    return replaced ? [...others, entry] : others;
  });
}

/** Forgets every replacement in a tab (it reloaded, navigated or closed). */
export function forgetTab(tabId: number): Promise<void> {
  return update((list) => list.filter((item) => item.tabId !== tabId));
}

/** Keeps the list true to the pages: a tab that starts loading a page, or closes, shows no replacement. */
export function registerReplacedOnPageCleanup(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}

function update(change: (list: ReplacedEntry[]) => ReplacedEntry[]): Promise<void> {
  return serialized(async () => {
    const list = await getReplaced();
    const next = change(list);
    // No write when nothing changes: every page load in every tab passes through forgetTab.
    if (next.length !== list.length || next.some((entry, at) => entry !== list[at])) await replacedItem.setValue(next);
  });
}

function parse(value: unknown): ReplacedEntry[] {
  const parsed = ReplacedList.safeParse(value);
  return parsed.success ? parsed.data : [];
}
