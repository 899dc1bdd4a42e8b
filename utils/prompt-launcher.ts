import { browser } from 'wxt/browser';
import type { MenuRequest } from './context-menus';
import { deleteJobImages, listImageIds } from './image-store';
import { preparedImageId } from './input-prep';
import type { PageMessage } from './messages';
import type { PresetEditRequest } from './presets/preset-menu';
import { withRetries } from './retry';
import { allSelectionTokens, getSelection, putSelection } from './selection-store';

/** The prompt box script, built from entrypoints/prompt.content and injected only when the user asks. */
export const PROMPT_SCRIPT = '/content-scripts/prompt.js';

/**
 * Shows the prompt box next to a right-clicked image, or the picker for any picture on the page.
 * Nothing of ours runs in a page before this click: the script is injected now, through the
 * activeTab grant the click gave.
 */
export async function openPromptBox(request: MenuRequest, token: string, now: number): Promise<void> {
  await putSelection(token, { ...request, createdAt: now });
  await sendToPromptScript(request, request.kind === 'image' && request.srcUrl
    ? { type: 'page:open-prompt', token, srcUrl: request.srcUrl }
    : { type: 'page:pick', token }, now);
}

/**
 * Runs a preset on a right-clicked image: the same script finds the picture, then asks the
 * background to start the edit this selection was made for (presets/preset-run.ts) and says how it went.
 */
export async function runPresetOnPage(request: PresetEditRequest, token: string, now: number): Promise<void> {
  const { preset, ...where } = request;
  await putSelection(token, { ...where, kind: 'image', presetId: preset.id, createdAt: now });
  await sendToPromptScript(where, { type: 'page:run-preset', token, srcUrl: request.srcUrl, presetName: preset.name }, now);
}

async function sendToPromptScript(where: { tabId: number; frameId: number }, message: PageMessage, now: number): Promise<void> {
  void dropStalePreparedImages(now);
  const target = { tabId: where.tabId, frameIds: [where.frameId] };
  // Right at the click, Chromium sometimes refuses the injection ("Cannot access contents of the
  // page") although activeTab is granted; a moment later it succeeds (seen in ~1 of 12 real clicks here).
  await withRetries(() => browser.scripting.executeScript({ target, files: [PROMPT_SCRIPT] }), [100, 300, 600]);
  await browser.tabs.sendMessage(where.tabId, message, { frameId: where.frameId });
}

/** Prepared inputs of prompt boxes that expired without starting an edit (or whose edit took a copy). */
async function dropStalePreparedImages(now: number): Promise<void> {
  try {
    const ids = await listImageIds(preparedImageId(''));
    const tokens = await allSelectionTokens();
    const fresh = new Set<string>();
    for (const token of tokens) if (await getSelection(token, now)) fresh.add(preparedImageId(token));
    await Promise.all(ids.filter((id) => !fresh.has(id)).map((id) => deleteJobImages(id)));
  } catch (error) {
    console.warn('Edit with Kontext: could not clean up prepared images.', error);
  }
}
