import { browser, type Browser } from 'wxt/browser';
import type { Preset } from './presets/preset';
import type { PresetMenuSync } from './presets/preset-menu-sync';

/** ID of our one top-level item on images (a submenu: "Describe an edit…" and the presets). */
export const MENU_EDIT_IMAGE = 'edit-with-kontext';
/** Its title: a UI contract (people, screen readers and tests find it by this name). */
export const MENU_EDIT_IMAGE_TITLE = 'Edit with Kontext';
/** Id of the submenu's first child, which opens the prompt box. */
export const MENU_DESCRIBE_EDIT = 'describe-edit';
/** Its title: a UI contract (UI-CONTRACT.md). */
export const MENU_DESCRIBE_EDIT_TITLE = 'Describe an edit…';
/** ID of the item that opens the image picker, for pictures the browser offers no image menu for. */
export const MENU_PICK_IMAGE = 'pick-image-to-edit';
export const MENU_PICK_IMAGE_TITLE = 'Pick an image to edit';

/**
 * Where the picker item shows: everywhere except on images (there "Edit with Kontext" is the one item
 * of ours, one keystroke away, and its submenu has the rest) and links (an image inside a link is in both contexts, and two items of
 * ours would be folded into a submenu). `video` because a video gets its own menu, not the page's.
 */
const PICK_CONTEXTS = ['page', 'frame', 'selection', 'video'] as const;

/**
 * Creates the whole menu: the picker item and the image menu with these presets (presets/preset-menu.ts).
 * Called from `runtime.onInstalled` only: menus persist across worker restarts, and re-creating them
 * on every start throws "duplicate id" errors; later preset changes go through `sync.update`.
 */
export async function createContextMenus(sync: PresetMenuSync, presets: readonly Preset[]): Promise<void> {
  await sync.rebuild(presets, async () => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: MENU_PICK_IMAGE, title: MENU_PICK_IMAGE_TITLE, contexts: [...PICK_CONTEXTS] });
  });
}

/** What a click on one of our menu items asks for. */
export type MenuRequest = {
  /** `image`: the right-clicked <img> (srcUrl); `pick`: let the user point at any picture on the page. */
  kind: 'image' | 'pick';
  srcUrl?: string;
  pageUrl?: string;
  pageTitle?: string;
  tabId: number;
  windowId?: number;
  frameId: number;
};

/** The request a menu click makes, or undefined for clicks that are not ours (or not in a tab). */
export function requestFromMenuClick(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): MenuRequest | undefined {
  if (tab?.id === undefined || tab.id < 0) return undefined;
  const where = { pageUrl: info.pageUrl ?? tab.url, pageTitle: tab.title, tabId: tab.id, windowId: tab.windowId, frameId: info.frameId ?? 0 };
  // The parent itself is clickable only in a browser that shows no submenu (it has children here).
  if ((info.menuItemId === MENU_DESCRIBE_EDIT || info.menuItemId === MENU_EDIT_IMAGE) && info.srcUrl) return { kind: 'image', srcUrl: info.srcUrl, ...where };
  if (info.menuItemId === MENU_PICK_IMAGE) return { kind: 'pick', ...where };
  return undefined;
}
