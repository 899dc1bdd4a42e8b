import { browser } from 'wxt/browser';
import type { PageMessage } from './messages';
import { withRetries } from './retry';
import { putSelection, type Selection } from './selection-store';

/** The prompt box script, built from entrypoints/prompt.content and injected only when the user asks. */
export const PROMPT_SCRIPT = '/content-scripts/prompt.js';

/**
 * Shows the prompt box next to a right-clicked image. Nothing of ours runs in a page before this
 * click: the script is injected now, through the activeTab grant the click gave.
 */
export async function openPromptBox(selection: Omit<Selection, 'createdAt'>, token: string, now: number): Promise<void> {
  await putSelection(token, { ...selection, createdAt: now });
  const target = { tabId: selection.tabId, frameIds: [selection.frameId] };
  // Right at the click, Chromium sometimes refuses the injection ("Cannot access contents of the
  // page") although activeTab is granted; a moment later it succeeds (seen in ~1 of 12 real clicks here).
  await withRetries(() => browser.scripting.executeScript({ target, files: [PROMPT_SCRIPT] }), [100, 300, 600]);
  const message: PageMessage = { type: 'page:open-prompt', token, srcUrl: selection.srcUrl };
  await browser.tabs.sendMessage(selection.tabId, message, { frameId: selection.frameId });
}
