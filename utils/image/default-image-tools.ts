/**
 * Which ImageTools this context has: its own DOM (Firefox's event page, or any extension page),
 * Chrome's offscreen document (from the service worker, with the "offscreen" permission), or none
 * (then SVGs are refused with a clear message and huge JPEGs decode through createImageBitmap).
 */
import { browser } from 'wxt/browser';
import { createDomImageTools } from './dom-image-tools';
import type { ImageTools } from './image-tools';
import { createOffscreenClient, type MessageTarget, type OffscreenHost } from './offscreen-client';
import { OFFSCREEN_DOCUMENT_PATH } from './offscreen-protocol';

/** The part of a service worker's `clients` we use (the webworker lib is not in this project's types). */
interface WindowClients {
  matchAll(options: { includeUncontrolled: boolean; type: 'window' }): Promise<readonly (MessageTarget & { url: string })[]>;
}

/** Chrome's offscreen API behind OffscreenHost; null where it is missing (Firefox, or no permission). */
export function createChromeOffscreenHost(): OffscreenHost | null {
  const offscreen = browser.offscreen as typeof browser.offscreen | undefined;
  const clients = (globalThis as { clients?: WindowClients }).clients;
  if (!offscreen?.createDocument || !clients) return null;
  const url = browser.runtime.getURL(OFFSCREEN_DOCUMENT_PATH);
  return {
    hasDocument: async () =>
      (await browser.runtime.getContexts({ contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] })).length > 0,
    createDocument: () =>
      offscreen.createDocument({
        url,
        reasons: [browser.offscreen.Reason.DOM_PARSER, browser.offscreen.Reason.BLOBS],
        justification: 'Draw SVG images and decode very large photos at reduced size before sending them for editing.',
      }),
    closeDocument: () => offscreen.closeDocument(),
    findDocument: async () => (await clients.matchAll({ includeUncontrolled: true, type: 'window' })).find((client) => client.url === url),
  };
}

let cached: Partial<ImageTools> | undefined;

/** The tools of the current context, created once (the offscreen client counts its users across calls). */
export function defaultImageTools(): Partial<ImageTools> {
  if (cached) return cached;
  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    cached = createDomImageTools(window);
    return cached;
  }
  const host = createChromeOffscreenHost();
  if (!host) {
    cached = {};
    return cached;
  }
  const client = createOffscreenClient(host);
  cached = {
    rasterizeSvg: (svg, request) => client.request({ kind: 'offscreen:rasterize-svg', svg, ...request }),
    decodeScaled: (image, request) => client.request({ kind: 'offscreen:decode-scaled', image, ...request }),
  };
  return cached;
}
