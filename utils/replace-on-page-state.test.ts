import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { forgetTab, getReplaced, registerReplacedOnPageCleanup, setReplaced } from './replace-on-page-state';

const tab = (id: number) => ({ id }) as Browser.tabs.Tab;

describe('replaced-on-page session list', () => {
  it('records, replaces and removes one entry per tab and job', async () => {
    await setReplaced({ tabId: 1, frameId: 0, jobId: 'a' }, true);
    await setReplaced({ tabId: 1, frameId: 3, jobId: 'a' }, true);
    await setReplaced({ tabId: 2, frameId: 0, jobId: 'a' }, true);
    expect(await getReplaced()).toEqual([{ tabId: 1, frameId: 3, jobId: 'a' }, { tabId: 2, frameId: 0, jobId: 'a' }]);
    await setReplaced({ tabId: 1, frameId: 3, jobId: 'a' }, false);
    expect(await getReplaced()).toEqual([{ tabId: 2, frameId: 0, jobId: 'a' }]);
  });

  it('keeps every one of concurrent writes', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((jobId) => setReplaced({ tabId: 1, frameId: 0, jobId }, true)));
    expect((await getReplaced()).map((entry) => entry.jobId).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('forgets a tab that starts loading a page or closes, and only that tab', async () => {
    registerReplacedOnPageCleanup();
    await setReplaced({ tabId: 1, frameId: 0, jobId: 'a' }, true);
    await setReplaced({ tabId: 2, frameId: 0, jobId: 'b' }, true);
    await setReplaced({ tabId: 3, frameId: 0, jobId: 'c' }, true);
    await fakeBrowser.tabs.onUpdated.trigger(1, { title: 'New title' }, tab(1));
    expect(await getReplaced()).toHaveLength(3);
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, tab(1));
    await fakeBrowser.tabs.onRemoved.trigger(3, { windowId: 1, isWindowClosing: false });
    await forgetTab(99);
    expect(await getReplaced()).toEqual([{ tabId: 2, frameId: 0, jobId: 'b' }]);
  });

  it('reads a damaged stored value as empty', async () => {
    await fakeBrowser.storage.session.set({ replacedOnPage: [{ tabId: 'x' }] });
    expect(await getReplaced()).toEqual([]);
  });
});
