/**
 * The service worker's side of the offscreen document: open it on demand, post a request with a
 * MessageChannel port, await the answer (with a deadline), and close the document when no request
 * is left. Chrome allows one offscreen document per extension, so opening is shared.
 * https://developer.chrome.com/docs/extensions/reference/api/offscreen
 */
import type { BitmapLike } from './image-io';
import { OffscreenReply, type OffscreenRequest } from './offscreen-protocol';

/** Something to post a request to: the offscreen document's window client. */
export interface MessageTarget {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

/** What the client needs from the browser; injected so tests run without one. */
export interface OffscreenHost {
  hasDocument(): Promise<boolean>;
  createDocument(): Promise<void>;
  closeDocument(): Promise<void>;
  findDocument(): Promise<MessageTarget | undefined>;
}

/** A request that the document could not carry out, or that never got an answer. */
export class OffscreenError extends Error {
  override name = 'OffscreenError';
}

/** Long enough for a 150-megapixel decode on a slow machine; a dead document must not hang a job. */
export const OFFSCREEN_TIMEOUT_MS = 60_000;

/** The two ends of a MessageChannel, as far as the client uses them. */
export interface ChannelLike {
  port1: { onmessage: ((event: MessageEvent) => void) | null; close(): void };
  port2: Transferable;
}

/** Options for tests: a shorter deadline, an in-memory channel (Node cannot clone a fake bitmap). */
export interface OffscreenClientOptions {
  timeoutMs?: number;
  createChannel?: () => ChannelLike;
}

/** A client that sends requests to the offscreen document. */
export function createOffscreenClient(host: OffscreenHost, options: OffscreenClientOptions = {}) {
  const timeoutMs = options.timeoutMs ?? OFFSCREEN_TIMEOUT_MS;
  const createChannel = options.createChannel ?? (() => new MessageChannel());
  let users = 0;
  let opening: Promise<void> | null = null;
  let closing: Promise<void> | null = null;

  async function open(): Promise<void> {
    if (await host.hasDocument()) return;
    try {
      await host.createDocument();
    } catch (error) {
      // Another request (or a previous worker) created it between the check and here.
      if (!(await host.hasDocument())) throw error;
    }
  }

  async function acquire(): Promise<void> {
    users += 1;
    if (closing) await closing;
    opening ??= open();
    try {
      await opening;
    } catch (error) {
      opening = null;
      throw error;
    }
  }

  function release(): void {
    users -= 1;
    if (users > 0) return;
    opening = null;
    // A closed document frees its memory (tens of MB, plus any decoder caches) until the next image needs it.
    closing = host
      .closeDocument()
      .catch(() => undefined)
      .finally(() => {
        closing = null;
      });
  }

  async function post(request: OffscreenRequest, target: MessageTarget): Promise<BitmapLike> {
    const channel = createChannel();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const answer = new Promise<unknown>((resolve, reject) => {
        channel.port1.onmessage = (event: MessageEvent) => resolve(event.data);
        timer = setTimeout(() => reject(new OffscreenError('The offscreen document did not answer in time.')), timeoutMs);
      });
      target.postMessage(request, [channel.port2]);
      const reply = OffscreenReply.safeParse(await answer);
      if (!reply.success) throw new OffscreenError('The offscreen document sent a malformed answer.');
      if (!reply.data.ok) throw new OffscreenError(reply.data.error);
      return reply.data.bitmap;
    } finally {
      clearTimeout(timer);
      channel.port1.close();
    }
  }

  return {
    /** Send one request; resolves to the bitmap the document made. */
    async request(request: OffscreenRequest): Promise<BitmapLike> {
      try {
        await acquire();
        const target = await host.findDocument();
        if (!target) throw new OffscreenError('The offscreen document is not running.');
        return await post(request, target);
      } finally {
        release();
      }
    },
  };
}
