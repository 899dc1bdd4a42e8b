import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createContextMenus, MENU_EDIT_IMAGE, MENU_PICK_IMAGE, requestFromMenuClick } from './context-menus';

const tab = { id: 7, windowId: 2, url: 'https://example.org/page', title: 'A page', index: 0, pinned: false, highlighted: false, active: true, incognito: false } as never;

describe('context menus', () => {
  it('puts exactly one item of ours on images and links, so it is never folded into a submenu', async () => {
    const created: { id?: string; contexts?: string[] }[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((props: { id?: string; contexts?: string[] }) => {
      created.push(props);
      return props.id ?? '';
    }) as never);
    await createContextMenus();
    const onImage = created.filter((item) => item.contexts?.includes('image') || item.contexts?.includes('all'));
    expect(onImage.map((item) => item.id)).toEqual([MENU_EDIT_IMAGE]);
    // An image inside a link is in both contexts: an item on links would be a second one there.
    expect(created.filter((item) => item.contexts?.includes('link'))).toEqual([]);
    expect(created.find((item) => item.id === MENU_PICK_IMAGE)?.contexts).toEqual(expect.arrayContaining(['page', 'video']));
  });

  it('turns a click on the image item into a request for that image', () => {
    expect(requestFromMenuClick({ menuItemId: MENU_EDIT_IMAGE, srcUrl: 'https://cdn.example/a.png', frameId: 3, editable: false, pageUrl: 'https://example.org/page' }, tab)).toEqual({
      kind: 'image', srcUrl: 'https://cdn.example/a.png', pageUrl: 'https://example.org/page', pageTitle: 'A page', tabId: 7, windowId: 2, frameId: 3,
    });
  });

  it('turns a click on the picker item into a pick request', () => {
    expect(requestFromMenuClick({ menuItemId: MENU_PICK_IMAGE, editable: false }, tab)).toMatchObject({ kind: 'pick', tabId: 7, frameId: 0 });
  });

  it('ignores clicks without a tab, and items that are not ours', () => {
    expect(requestFromMenuClick({ menuItemId: MENU_PICK_IMAGE, editable: false }, undefined)).toBeUndefined();
    expect(requestFromMenuClick({ menuItemId: 'other', editable: false }, tab)).toBeUndefined();
    expect(requestFromMenuClick({ menuItemId: MENU_EDIT_IMAGE, editable: false }, tab)).toBeUndefined();
  });
});
