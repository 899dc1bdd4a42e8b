import { browser } from 'wxt/browser';
import { findJob } from './history/find-job';
import { blobToDataUri } from './image/data-uri';
import { getJobImage } from './image-store';
import { PROMPT_SCRIPT } from './prompt-launcher';
import type { ReplaceOnPageDeps } from './replace-on-page';
import { getReplaced, setReplaced } from './replace-on-page-state';

/** Replace on page with the browser's own tabs, scripting, stores and session list. */
export const browserReplaceDeps: ReplaceOnPageDeps = {
  findJob,
  resultDataUri: async (jobId) => {
    const blob = await getJobImage(jobId, 'result');
    return blob ? blobToDataUri(blob) : undefined;
  },
  getTab: (tabId) => browser.tabs.get(tabId),
  activeTab: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0],
  sendToFrame: (tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, { frameId }),
  injectPromptScript: async (tabId, frameId) => {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PROMPT_SCRIPT] });
  },
  replaced: { list: getReplaced, set: setReplaced },
};
