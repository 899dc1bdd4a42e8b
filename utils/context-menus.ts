import { browser, type Browser } from 'wxt/browser';

/** ID of our one top-level item on images. */
export const MENU_EDIT_IMAGE = 'edit-with-kontext';
/** Its title: a UI contract (people, screen readers and tests find it by this name). */
export const MENU_EDIT_IMAGE_TITLE = 'Edit with Kontext';

/**
 * Creates the menu. Called from `runtime.onInstalled` only: menus persist across worker restarts,
 * and re-creating them on every start throws "duplicate id" errors.
 */
export async function createContextMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_EDIT_IMAGE, title: MENU_EDIT_IMAGE_TITLE, contexts: ['image'] });
}

/** The image a menu click chose, or undefined for clicks that are not ours. */
export function imageFromMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): { srcUrl: string; pageUrl?: string; pageTitle?: string; tabId: number; frameId: number } | undefined {
  if (info.menuItemId !== MENU_EDIT_IMAGE || !info.srcUrl || tab?.id === undefined || tab.id < 0) return undefined;
  return { srcUrl: info.srcUrl, pageUrl: info.pageUrl ?? tab.url, pageTitle: tab.title, tabId: tab.id, frameId: info.frameId ?? 0 };
}
