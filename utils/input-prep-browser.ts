import { browser } from 'wxt/browser';
import { z } from 'zod';
import { acquireImage } from './image/acquire';
import { ImageError } from './image/errors';
import { normalizeImage } from './image/normalize';
import { createFetchInPage } from './image/page-fetch';
import { cropScreenshot } from './image/screenshot-crop';
import { storeInput } from './input-images';
import type { InputPrepDeps, PrepSelection } from './input-prep';
import type { PageMessage } from './messages';
import type { PageImageTarget, PixelReadResult } from './page/image-target';
import { withRetries } from './retry';

/** The prompt script's answer to page:read-pixels, checked: it comes from a web page's process. */
const PixelReply = z.union([
  z.object({ dataUri: z.string().startsWith('data:image/'), width: z.number().int().positive(), height: z.number().int().positive() }),
  z.object({ error: z.string().max(500), tainted: z.boolean().optional() }),
]);

function sendToFrame(where: PrepSelection, message: PageMessage): Promise<unknown> {
  return browser.tabs.sendMessage(where.tabId, message, { frameId: where.frameId });
}

async function readPixels(where: PrepSelection): Promise<PixelReadResult> {
  const reply = PixelReply.safeParse(await sendToFrame(where, { type: 'page:read-pixels', token: where.token }));
  return reply.success ? reply.data : { error: 'the page gave no readable pixels' };
}

async function screenshot(where: PrepSelection, target: PageImageTarget): Promise<Blob> {
  // A frame's rectangle is relative to the frame, whose place in the tab we cannot know from inside it.
  if (where.frameId !== 0) throw new ImageError('unreachable', 'a screenshot only works for pictures in the page itself, not inside an embedded frame');
  const tab = await browser.tabs.get(where.tabId);
  // captureVisibleTab shows whatever tab is in front: refuse rather than crop someone else's page.
  if (!tab.active) throw new ImageError('unreachable', 'a screenshot needs the tab in front; switch back to it and try again');
  await sendToFrame(where, { type: 'page:screenshot', token: where.token, phase: 'hide' });
  let shot: string;
  try {
    // Chrome allows two captures a second; a quick second attempt may be refused once.
    shot = await withRetries(() => browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' }), [600]);
  } finally {
    await sendToFrame(where, { type: 'page:screenshot', token: where.token, phase: 'show' }).catch(() => undefined);
  }
  const blob = await (await fetch(shot)).blob();
  return cropScreenshot(blob, target);
}

/** Steps 1–2 of the chain for one URL: data: decode, background fetch, fetch in the page. */
export function downloadPicture(url: string, where: { tabId?: number; frameId?: number; pageUrl?: string }) {
  return acquireImage(
    { url, tabId: where.tabId, frameId: where.frameId, pageUrl: where.pageUrl },
    { fetch: (input, init) => fetch(input, init), fetchInPage: createFetchInPage(browser.scripting) },
  );
}

/** The input preparation chain's IO in the browser (see input-prep.ts). */
export const browserInputPrep: InputPrepDeps = {
  acquireUrl: downloadPicture,
  readPixels,
  screenshot,
  normalize: (blob, limits) => normalizeImage(blob, undefined, limits),
  async store(imageId, image) {
    await storeInput(imageId, image);
  },
};
