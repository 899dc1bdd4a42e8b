import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createChromeOffscreenHost } from './default-image-tools';

const offscreenApi = () => ({
  createDocument: vi.fn(async () => undefined),
  closeDocument: vi.fn(async () => undefined),
  Reason: { DOM_PARSER: 'DOM_PARSER', BLOBS: 'BLOBS' },
});

const original = browser.offscreen;

afterEach(() => {
  Object.assign(browser, { offscreen: original });
  delete (globalThis as { clients?: unknown }).clients;
});

describe('createChromeOffscreenHost', () => {
  it('is null without the offscreen API (Firefox, or no permission)', () => {
    Object.assign(browser, { offscreen: undefined });
    (globalThis as { clients?: unknown }).clients = { matchAll: vi.fn() };
    expect(createChromeOffscreenHost()).toBeNull();
  });

  it('is null outside a service worker (no clients to post to)', () => {
    Object.assign(browser, { offscreen: offscreenApi() });
    expect(createChromeOffscreenHost()).toBeNull();
  });

  it('creates the offscreen page with DOM_PARSER and BLOBS reasons and finds it among the window clients', async () => {
    const api = offscreenApi();
    Object.assign(browser, { offscreen: api });
    const url = browser.runtime.getURL('/offscreen.html');
    const document = { url, postMessage: vi.fn() };
    const matchAll = vi.fn(async () => [{ url: browser.runtime.getURL('/popup.html'), postMessage: vi.fn() }, document]);
    (globalThis as { clients?: unknown }).clients = { matchAll };
    const host = createChromeOffscreenHost()!;
    await host.createDocument();
    expect(api.createDocument).toHaveBeenCalledWith(expect.objectContaining({ url, reasons: ['DOM_PARSER', 'BLOBS'] }));
    await expect(host.findDocument()).resolves.toBe(document);
    expect(matchAll).toHaveBeenCalledWith({ includeUncontrolled: true, type: 'window' });
    await host.closeDocument();
    expect(api.closeDocument).toHaveBeenCalled();
  });
});
