import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isAnyExtensionPageOpen, type ExtensionPagesApi } from './extension-pages';

const ORIGIN = 'chrome-extension://abc/';
const getURL = (path: string) => ORIGIN + path.replace(/^\//, '');

describe('isAnyExtensionPageOpen', () => {
  it.each<[string, string[], boolean]>([
    ['the popup is open', [`${ORIGIN}popup.html`], true],
    ['the popup page is open in a tab from a notification', [`${ORIGIN}popup.html#job=a`], true],
    ['no page is open', [], false],
    ['only another origin is listed', ['chrome-extension://other/popup.html'], false],
  ])('answers from runtime.getContexts when %s', async (_name, urls, open) => {
    const getContexts = vi.fn(async () => urls.map((documentUrl) => ({ documentUrl })));
    const getViews = vi.fn(() => [{}]);
    await expect(isAnyExtensionPageOpen({ runtime: { getURL, getContexts }, extension: { getViews } })).resolves.toBe(open);
    expect(getContexts).toHaveBeenCalledWith({ contextTypes: ['POPUP', 'TAB'] });
    expect(getViews).not.toHaveBeenCalled();
  });

  it.each<[string, number, number, boolean]>([
    ['a popup', 1, 0, true],
    ['a tab', 0, 1, true],
    ['nothing', 0, 0, false],
  ])('falls back to extension.getViews without getContexts: %s open', async (_name, popups, tabs, open) => {
    const getViews = vi.fn((props?: { type?: string }) => Array.from({ length: props?.type === 'popup' ? popups : tabs }));
    await expect(isAnyExtensionPageOpen({ runtime: { getURL }, extension: { getViews } })).resolves.toBe(open);
    // Per type: an event page's own background view must not count as an open page.
    expect(getViews.mock.calls.every(([props]) => props?.type === 'popup' || props?.type === 'tab')).toBe(true);
  });

  it('falls back to getViews when getContexts fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const api: ExtensionPagesApi = {
      runtime: { getURL, getContexts: async () => Promise.reject(new Error('not supported')) },
      extension: { getViews: () => [{}] },
    };
    await expect(isAnyExtensionPageOpen(api)).resolves.toBe(true);
  });

  it('assumes nothing is open when the browser can tell neither way', async () => {
    await expect(isAnyExtensionPageOpen({ runtime: { getURL } })).resolves.toBe(false);
  });

  it('asks the real browser object by default', async () => {
    const popup = { documentUrl: fakeBrowser.runtime.getURL('/popup.html') };
    const getContexts = vi.spyOn(fakeBrowser.runtime, 'getContexts').mockResolvedValue([popup] as never);
    await expect(isAnyExtensionPageOpen()).resolves.toBe(true);
    expect(getContexts).toHaveBeenCalled();
  });

  it('assumes nothing is open when getViews throws too', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The fake browser's getContexts and getViews both throw "not implemented".
    await expect(isAnyExtensionPageOpen(fakeBrowser as unknown as ExtensionPagesApi)).resolves.toBe(false);
  });
});
