import { describe, expect, it, vi } from 'vitest';
import type { BitmapLike } from './image-io';
import type { ImageTools } from './image-tools';
import { handleOffscreenRequest, registerOffscreenHandler } from './offscreen-handler';

const made: BitmapLike = { width: 3, height: 2, close: () => undefined };

function tools(failure?: Error) {
  const run = () => (failure ? Promise.reject(failure) : Promise.resolve(made));
  return { rasterizeSvg: vi.fn<ImageTools['rasterizeSvg']>(run), decodeScaled: vi.fn<ImageTools['decodeScaled']>(run) };
}

const svg = new Blob(['<svg/>']);
const jpeg = new Blob([new Uint8Array([0xff, 0xd8])]);

describe('handleOffscreenRequest', () => {
  it('draws an SVG with the size it was asked for', async () => {
    const t = tools();
    const reply = await handleOffscreenRequest({ kind: 'offscreen:rasterize-svg', svg, width: 1024, height: 512, intrinsicWidth: 100, intrinsicHeight: 50 }, t);
    expect(reply).toEqual({ ok: true, bitmap: made });
    expect(t.rasterizeSvg).toHaveBeenCalledWith(svg, { width: 1024, height: 512, intrinsicWidth: 100, intrinsicHeight: 50 });
  });

  it('decodes a JPEG at the scale it was asked for', async () => {
    const t = tools();
    await handleOffscreenRequest({ kind: 'offscreen:decode-scaled', image: jpeg, type: 'image/jpeg', width: 1731, height: 1154, desiredWidth: 2165, desiredHeight: 1444 }, t);
    expect(t.decodeScaled).toHaveBeenCalledWith(jpeg, { type: 'image/jpeg', width: 1731, height: 1154, desiredWidth: 2165, desiredHeight: 1444 });
  });

  it.each([
    ['an unknown kind', { kind: 'offscreen:format-disk' }],
    ['a string instead of a Blob', { kind: 'offscreen:rasterize-svg', svg: '<svg/>', width: 1, height: 1, intrinsicWidth: 1, intrinsicHeight: 1 }],
    ['a zero width', { kind: 'offscreen:rasterize-svg', svg, width: 0, height: 1, intrinsicWidth: 1, intrinsicHeight: 1 }],
    ['a fractional size', { kind: 'offscreen:decode-scaled', image: jpeg, type: 'image/jpeg', width: 1.5, height: 1, desiredWidth: 1, desiredHeight: 1 }],
    ['a type that is not an image', { kind: 'offscreen:decode-scaled', image: jpeg, type: 'text/html', width: 1, height: 1, desiredWidth: 1, desiredHeight: 1 }],
    ['nothing', undefined],
  ])('refuses %s without touching the tools', async (_name, message) => {
    const t = tools();
    expect(await handleOffscreenRequest(message, t)).toEqual({ ok: false, error: 'malformed request' });
    expect(t.rasterizeSvg).not.toHaveBeenCalled();
    expect(t.decodeScaled).not.toHaveBeenCalled();
  });

  it('turns a tool’s failure into an answer', async () => {
    const reply = await handleOffscreenRequest({ kind: 'offscreen:rasterize-svg', svg, width: 1, height: 1, intrinsicWidth: 1, intrinsicHeight: 1 }, tools(new Error('broken SVG')));
    expect(reply).toEqual({ ok: false, error: 'broken SVG' });
  });
});

describe('registerOffscreenHandler', () => {
  it('answers on the port that came with the message, transferring the bitmap, and starts the message queue', async () => {
    let listener: ((event: MessageEvent) => void) | undefined;
    const container = {
      addEventListener: vi.fn((_type: string, l: (event: MessageEvent) => void) => void (listener = l)),
      startMessages: vi.fn(),
    };
    registerOffscreenHandler(container as unknown as Pick<ServiceWorkerContainer, 'addEventListener' | 'startMessages'>, tools());
    expect(container.startMessages).toHaveBeenCalledOnce();
    const port = { postMessage: vi.fn(), close: vi.fn() };
    listener?.({ data: { kind: 'offscreen:rasterize-svg', svg, width: 1, height: 1, intrinsicWidth: 1, intrinsicHeight: 1 }, ports: [port] } as unknown as MessageEvent);
    await vi.waitFor(() => expect(port.postMessage).toHaveBeenCalledWith({ ok: true, bitmap: made }, [made]));
    expect(port.close).toHaveBeenCalled();
  });
});
