/** The offscreen document's side: answer each request from the service worker on the port it came with. */
import type { ImageTools } from './image-tools';
import { OffscreenRequest, type OffscreenReply } from './offscreen-protocol';

/** The part of a MessagePort the handler answers on. */
export interface ReplyPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

/** Run one request with the DOM tools; never throws (failures become { ok: false }). */
export async function handleOffscreenRequest(raw: unknown, tools: ImageTools): Promise<OffscreenReply> {
  const parsed = OffscreenRequest.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'malformed request' };
  const request = parsed.data;
  try {
    if (request.kind === 'offscreen:rasterize-svg') {
      const { svg, kind: _kind, ...size } = request;
      return { ok: true, bitmap: await tools.rasterizeSvg(svg, size) };
    }
    const { image, kind: _kind, ...size } = request;
    return { ok: true, bitmap: await tools.decodeScaled(image, size) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Listen for requests the extension's service worker posts to this document (navigator.serviceWorker). */
export function registerOffscreenHandler(container: Pick<ServiceWorkerContainer, 'addEventListener' | 'startMessages'>, tools: ImageTools): void {
  container.addEventListener('message', (event) => {
    const port = event.ports[0];
    if (!port) return;
    void handleOffscreenRequest(event.data, tools).then((reply) => {
      // Transfer the bitmap: the worker gets it without a copy, and this document keeps nothing.
      port.postMessage(reply, reply.ok ? [reply.bitmap as ImageBitmap] : []);
      port.close();
    });
  });
  // Messages are queued until this (or an onmessage handler) says the page is ready for them.
  container.startMessages();
}
