import type { Browser } from 'wxt/browser';
import { MENU_DESCRIBE_EDIT, MENU_DESCRIBE_EDIT_TITLE, MENU_EDIT_IMAGE, MENU_EDIT_IMAGE_TITLE } from '../context-menus';
import type { Preset } from './preset';

/**
 * The image menu with presets (built by createContextMenus, kept in step by preset-menu-sync.ts):
 *
 *   Edit with Kontext            (MENU_EDIT_IMAGE, images only)
 *   ├─ Describe an edit…         (MENU_DESCRIBE_EDIT: opens the prompt box, a UI contract)
 *   ├─ <preset name>             (preset:<id>: runs that preset at once)
 *   └─ …
 */

/** Menu ids of presets are this prefix and the preset id. */
export const MENU_PRESET_PREFIX = 'preset:';

type CreateProperties = Browser.contextMenus.CreateProperties;

/** The menu id of a preset. */
export function presetMenuId(presetId: string): string {
  return `${MENU_PRESET_PREFIX}${presetId}`;
}

/** A preset's menu title. `&` is an access-key marker in Chrome's menus: doubled, it shows as itself. */
export function presetMenuTitle(preset: Pick<Preset, 'name'>): string {
  return preset.name.replace(/&/g, '&&');
}

function presetItem(preset: Preset): CreateProperties {
  return { id: presetMenuId(preset.id), parentId: MENU_EDIT_IMAGE, title: presetMenuTitle(preset), contexts: ['image'] };
}

/** Every create call of the image menu with these presets, parents first. */
export function presetMenuItems(presets: readonly Preset[]): CreateProperties[] {
  return [
    { id: MENU_EDIT_IMAGE, title: MENU_EDIT_IMAGE_TITLE, contexts: ['image'] },
    { id: MENU_DESCRIBE_EDIT, parentId: MENU_EDIT_IMAGE, title: MENU_DESCRIBE_EDIT_TITLE, contexts: ['image'] },
    ...presets.map(presetItem),
  ];
}

/** One change to the live menu. */
export type MenuOp =
  | { op: 'create'; props: CreateProperties }
  | { op: 'update'; id: string; props: { title: string } }
  | { op: 'remove'; id: string };

/**
 * The fewest changes that turn the menu built for `before` into the one for `after`. Menus cannot be
 * reordered in place, so presets keep their items up to the first change of order (renamed there by
 * update); from that point on, the old items are removed and the rest created in order. The parent
 * and "Describe an edit…" are never touched.
 */
export function planPresetMenuUpdate(before: readonly Preset[], after: readonly Preset[]): MenuOp[] {
  const ops: MenuOp[] = [];
  let kept = 0;
  while (kept < before.length && kept < after.length && before[kept]?.id === after[kept]?.id) kept += 1;
  for (let i = 0; i < kept; i += 1) {
    const old = before[i] as Preset;
    const next = after[i] as Preset;
    if (presetMenuTitle(old) !== presetMenuTitle(next)) ops.push({ op: 'update', id: presetMenuId(next.id), props: { title: presetMenuTitle(next) } });
  }
  for (const old of before.slice(kept)) ops.push({ op: 'remove', id: presetMenuId(old.id) });
  for (const next of after.slice(kept)) ops.push({ op: 'create', props: presetItem(next) });
  return ops;
}

/** The part of browser.contextMenus the ops need (injected: the fake browser has no contextMenus). */
export interface MenuApi {
  create(props: CreateProperties): unknown;
  update(id: string, props: { title: string }): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Applies ops in order; an item already gone (removed elsewhere) is not an error. */
export async function applyMenuOps(ops: readonly MenuOp[], menus: MenuApi): Promise<void> {
  for (const change of ops) {
    if (change.op === 'create') menus.create(change.props);
    else if (change.op === 'update') await menus.update(change.id, change.props);
    else await menus.remove(change.id).catch(() => undefined);
  }
}

/** What a click on the image menu's children asks for. */
export type PresetMenuChoice = { kind: 'describe' } | { kind: 'preset'; presetId: string };

/** The choice a menu item id stands for, or undefined for ids that are not the image menu's children. */
export function presetMenuChoice(menuItemId: string | number): PresetMenuChoice | undefined {
  if (menuItemId === MENU_DESCRIBE_EDIT) return { kind: 'describe' };
  if (typeof menuItemId === 'string' && menuItemId.startsWith(MENU_PRESET_PREFIX)) {
    const presetId = menuItemId.slice(MENU_PRESET_PREFIX.length);
    if (presetId) return { kind: 'preset', presetId };
  }
  return undefined;
}

/** A preset click turned into an edit: the preset (looked up now, it may have changed) and the image. */
export interface PresetEditRequest {
  preset: Preset;
  srcUrl: string;
  pageUrl?: string;
  pageTitle?: string;
  tabId: number;
  windowId?: number;
  frameId: number;
}

/**
 * The edit a click on `preset:<id>` asks for, or undefined when it is not a preset click, has no
 * image or tab, or the preset was deleted since the menu was built (another device, a lagging menu).
 */
export function presetRequestFromMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  presets: readonly Preset[],
): PresetEditRequest | undefined {
  const choice = presetMenuChoice(info.menuItemId);
  if (choice?.kind !== 'preset' || !info.srcUrl || tab?.id === undefined || tab.id < 0) return undefined;
  const preset = presets.find((p) => p.id === choice.presetId);
  if (!preset) return undefined;
  return { preset, srcUrl: info.srcUrl, pageUrl: info.pageUrl ?? tab.url, pageTitle: tab.title, tabId: tab.id, windowId: tab.windowId, frameId: info.frameId ?? 0 };
}
