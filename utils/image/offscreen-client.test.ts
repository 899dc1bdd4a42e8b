import { describe, expect, it, vi } from 'vitest';
import type { BitmapLike } from './image-io';
import { createOffscreenClient, OffscreenError, type ChannelLike, type MessageTarget, type OffscreenHost } from './offscreen-client';
import type { OffscreenRequest } from './offscreen-protocol';

const request: OffscreenRequest = { kind: 'offscreen:rasterize-svg', svg: new Blob(['<svg/>']), width: 10, height: 5, intrinsicWidth: 10, intrinsicHeight: 5 };
const bitmap = (): BitmapLike => ({ width: 10, height: 5, close: () => undefined });

/** An in-memory channel: what is posted on port2 arrives at port1.onmessage on a later tick. */
function fakeChannel(): ChannelLike & { port2: { postMessage(data: unknown): void } } {
  const port1: ChannelLike['port1'] = { onmessage: null, close: vi.fn() };
  const port2 = { postMessage: (data: unknown) => void setTimeout(() => port1.onmessage?.({ data } as MessageEvent)) };
  return { port1, port2: port2 as unknown as Transferable & typeof port2 };
}

/** A host whose document answers each request with `answer` (undefined: never answers). */
function fakeHost(answer: (message: unknown) => unknown, options: { existing?: boolean; createFails?: boolean } = {}) {
  let open = options.existing ?? false;
  const posted: unknown[] = [];
  const document: MessageTarget = {
    postMessage: (message, transfer) => {
      posted.push(message);
      const reply = answer(message);
      if (reply !== undefined) (transfer[0] as unknown as { postMessage(data: unknown): void }).postMessage(reply);
    },
  };
  const host = {
    hasDocument: vi.fn(async () => open),
    createDocument: vi.fn(async () => {
      if (options.createFails) {
        open = true; // someone else won the race
        throw new Error('Only a single offscreen document may be created.');
      }
      open = true;
    }),
    closeDocument: vi.fn(async () => {
      open = false;
    }),
    findDocument: vi.fn(async () => (open ? document : undefined)),
  } satisfies OffscreenHost;
  return { host, posted };
}

const client = (host: OffscreenHost, timeoutMs?: number) => createOffscreenClient(host, { createChannel: fakeChannel, timeoutMs });

describe('createOffscreenClient', () => {
  it('opens the document, posts the request, returns the bitmap and closes the document', async () => {
    const made = bitmap();
    const { host, posted } = fakeHost(() => ({ ok: true, bitmap: made }));
    await expect(client(host).request(request)).resolves.toBe(made);
    expect(posted).toEqual([request]);
    expect(host.createDocument).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(host.closeDocument).toHaveBeenCalledOnce());
  });

  it('shares one document between concurrent requests and closes it after the last', async () => {
    const { host } = fakeHost(() => ({ ok: true, bitmap: bitmap() }));
    const offscreen = client(host);
    await Promise.all([offscreen.request(request), offscreen.request(request), offscreen.request(request)]);
    expect(host.createDocument).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(host.closeDocument).toHaveBeenCalledOnce());
  });

  it('uses a document that is already open (left by a previous worker)', async () => {
    const { host } = fakeHost(() => ({ ok: true, bitmap: bitmap() }), { existing: true });
    await client(host).request(request);
    expect(host.createDocument).not.toHaveBeenCalled();
  });

  it('goes on when another request created the document first', async () => {
    const { host } = fakeHost(() => ({ ok: true, bitmap: bitmap() }), { createFails: true });
    await expect(client(host).request(request)).resolves.toMatchObject({ width: 10 });
  });

  it('reopens the document for a request after the previous one closed it', async () => {
    const { host } = fakeHost(() => ({ ok: true, bitmap: bitmap() }));
    const offscreen = client(host);
    await offscreen.request(request);
    await vi.waitFor(() => expect(host.closeDocument).toHaveBeenCalledOnce());
    await offscreen.request(request);
    expect(host.createDocument).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['the document’s own error', { ok: false, error: 'the SVG is not well-formed XML' }, 'the SVG is not well-formed XML'],
    ['a malformed answer', { ok: true, bitmap: 'not a bitmap' }, 'The offscreen document sent a malformed answer.'],
  ])('rejects with %s, and still closes the document', async (_name, reply, message) => {
    const { host } = fakeHost(() => reply);
    const error = await client(host).request(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OffscreenError);
    expect((error as Error).message).toBe(message);
    await vi.waitFor(() => expect(host.closeDocument).toHaveBeenCalledOnce());
  });

  it('gives up on a document that never answers', async () => {
    const { host } = fakeHost(() => undefined);
    await expect(client(host, 20).request(request)).rejects.toThrow('The offscreen document did not answer in time.');
    await vi.waitFor(() => expect(host.closeDocument).toHaveBeenCalledOnce());
  });

  it('rejects when the document cannot be found after opening', async () => {
    const { host } = fakeHost(() => ({ ok: true, bitmap: bitmap() }));
    host.findDocument.mockResolvedValue(undefined);
    await expect(client(host).request(request)).rejects.toThrow('The offscreen document is not running.');
  });

  it('rejects when the document cannot be created, and tries again next time', async () => {
    const { host } = fakeHost(() => ({ ok: true, bitmap: bitmap() }));
    host.createDocument.mockRejectedValueOnce(new Error('offscreen permission missing'));
    const offscreen = client(host);
    await expect(offscreen.request(request)).rejects.toThrow('offscreen permission missing');
    await expect(offscreen.request(request)).resolves.toMatchObject({ width: 10 });
  });
});
