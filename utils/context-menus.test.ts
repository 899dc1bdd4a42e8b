import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createContextMenus, MENU_DESCRIBE_EDIT, MENU_EDIT_IMAGE, MENU_PICK_IMAGE, requestFromMenuClick } from './context-menus';
import { presetMenuId } from './presets/preset-menu';
import { createPresetMenuSync } from './presets/preset-menu-sync';
import { browserBuiltMenuStore, browserMenuApi } from './presets/preset-menu-browser';

const tab = { id: 7, windowId: 2, url: 'https://example.org/page', title: 'A page', index: 0, pinned: false, highlighted: false, active: true, incognito: false } as never;

describe('context menus', () => {
  it('puts exactly one top-level item of ours on images and links, its submenu opening with "Describe an edit…"', async () => {
    const created: { id?: string; parentId?: string; contexts?: string[] }[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((props: { id?: string; contexts?: string[] }) => {
      created.push(props);
      return props.id ?? '';
    }) as never);
    const sync = createPresetMenuSync(browserMenuApi, browserBuiltMenuStore);
    await createContextMenus(sync, [{ id: 'bw', name: 'Black and white', instruction: 'Make it black and white.' }]);
    const onImage = created.filter((item) => item.contexts?.includes('image') || item.contexts?.includes('all'));
    expect(onImage.filter((item) => !item.parentId).map((item) => item.id)).toEqual([MENU_EDIT_IMAGE]);
    expect(onImage.filter((item) => item.parentId === MENU_EDIT_IMAGE).map((item) => item.id)).toEqual([MENU_DESCRIBE_EDIT, presetMenuId('bw')]);
    // An image inside a link is in both contexts: an item on links would be a second one there.
    expect(created.filter((item) => item.contexts?.includes('link'))).toEqual([]);
    expect(created.find((item) => item.id === MENU_PICK_IMAGE)?.contexts).toEqual(expect.arrayContaining(['page', 'video']));
  });

  it('turns a click on "Describe an edit…" into a request for that image', () => {
    expect(requestFromMenuClick({ menuItemId: MENU_DESCRIBE_EDIT, srcUrl: 'https://cdn.example/a.png', frameId: 3, editable: false, pageUrl: 'https://example.org/page' }, tab)).toEqual({
      kind: 'image', srcUrl: 'https://cdn.example/a.png', pageUrl: 'https://example.org/page', pageTitle: 'A page', tabId: 7, windowId: 2, frameId: 3,
    });
  });

  it('turns a click on the picker item into a pick request', () => {
    expect(requestFromMenuClick({ menuItemId: MENU_PICK_IMAGE, editable: false }, tab)).toMatchObject({ kind: 'pick', tabId: 7, frameId: 0 });
  });

  it('ignores clicks without a tab, and items that are not ours', () => {
    expect(requestFromMenuClick({ menuItemId: MENU_PICK_IMAGE, editable: false }, undefined)).toBeUndefined();
    expect(requestFromMenuClick({ menuItemId: 'other', editable: false }, tab)).toBeUndefined();
    expect(requestFromMenuClick({ menuItemId: MENU_DESCRIBE_EDIT, editable: false }, tab)).toBeUndefined();
    expect(requestFromMenuClick({ menuItemId: presetMenuId('bw'), srcUrl: 'https://cdn.example/a.png', editable: false }, tab)).toBeUndefined();
  });
});
