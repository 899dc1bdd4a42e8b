import { describe, expect, it } from 'vitest';
import { MENU_DESCRIBE_EDIT, MENU_DESCRIBE_EDIT_TITLE, MENU_EDIT_IMAGE } from '../context-menus';
import type { Preset } from './preset';
import {
  applyMenuOps, planPresetMenuUpdate, presetMenuChoice, presetMenuItems,
  presetRequestFromMenuClick,
} from './preset-menu';
import { createFakeMenu, menuItemsFor } from './fake-menu';

const p = (id: string, name = id.toUpperCase()): Preset => ({ id, name, instruction: `do ${id}` });
const tab = { id: 7, windowId: 2, url: 'https://example.org/page', title: 'A page', index: 0, pinned: false, highlighted: false, active: true, incognito: false } as never;

describe('preset menu', () => {
  it('puts "Describe an edit…" first under "Edit with Kontext", then one item per preset, on images only', () => {
    const items = presetMenuItems([p('a', 'Black and white'), p('b', 'Sepia')]);
    expect(items.map((i) => [i.id, i.parentId, i.title])).toEqual([
      [MENU_EDIT_IMAGE, undefined, 'Edit with Kontext'],
      [MENU_DESCRIBE_EDIT, MENU_EDIT_IMAGE, MENU_DESCRIBE_EDIT_TITLE],
      ['preset:a', MENU_EDIT_IMAGE, 'Black and white'],
      ['preset:b', MENU_EDIT_IMAGE, 'Sepia'],
    ]);
    expect(items.every((i) => i.contexts?.length === 1 && i.contexts[0] === 'image')).toBe(true);
  });

  it('shows an ampersand in a preset name as itself, not as an access key', () => {
    expect(presetMenuItems([p('a', 'Black & white')])[2]?.title).toBe('Black && white');
  });

  it.each([
    ['a rename', [p('a'), p('b')], [p('a'), p('b', 'Bee')]],
    ['an addition at the end', [p('a')], [p('a'), p('b')]],
    ['a removal', [p('a'), p('b'), p('c')], [p('a'), p('c')]],
    ['a move', [p('a'), p('b'), p('c')], [p('a'), p('c'), p('b')]],
    ['a first preset', [], [p('a')]],
    ['the last preset deleted', [p('a')], []],
  ])('turns the menu of before into the menu of after for %s', async (_name, before, after) => {
    const menu = createFakeMenu(menuItemsFor(before));
    await applyMenuOps(planPresetMenuUpdate(before, after), menu.api);
    expect(menu.items).toEqual(menuItemsFor(after));
  });

  it('updates a renamed item instead of re-creating it, and leaves unchanged items alone', () => {
    expect(planPresetMenuUpdate([p('a'), p('b')], [p('a'), p('b', 'Bee')])).toEqual([{ op: 'update', id: 'preset:b', props: { title: 'Bee' } }]);
    expect(planPresetMenuUpdate([p('a'), p('b')], [p('a'), p('b')])).toEqual([]);
  });

  it('does not stop when an item to remove is already gone', async () => {
    const menu = createFakeMenu(menuItemsFor([p('a')]));
    await applyMenuOps([{ op: 'remove', id: 'preset:zz' }, { op: 'create', props: presetMenuItems([p('b')])[2]! }], menu.api);
    expect(menu.items.map((i) => i.id)).toContain('preset:b');
  });

  it('reads which child was clicked', () => {
    expect(presetMenuChoice(MENU_DESCRIBE_EDIT)).toEqual({ kind: 'describe' });
    expect(presetMenuChoice('preset:abc')).toEqual({ kind: 'preset', presetId: 'abc' });
    expect(presetMenuChoice('preset:')).toBeUndefined();
    expect(presetMenuChoice(MENU_EDIT_IMAGE)).toBeUndefined();
    expect(presetMenuChoice(3)).toBeUndefined();
  });

  it('turns a preset click into an edit of the clicked image with that preset', () => {
    const sepia = p('s', 'Sepia');
    expect(presetRequestFromMenuClick({ menuItemId: 'preset:s', srcUrl: 'https://cdn.example/a.png', frameId: 3, editable: false }, tab, [p('a'), sepia])).toEqual({
      preset: sepia, srcUrl: 'https://cdn.example/a.png', pageUrl: 'https://example.org/page', pageTitle: 'A page', tabId: 7, windowId: 2, frameId: 3,
    });
  });

  it('ignores a click on a deleted preset, without an image or tab, or on other items', () => {
    const info = { menuItemId: 'preset:s', srcUrl: 'https://cdn.example/a.png', editable: false };
    expect(presetRequestFromMenuClick(info, tab, [p('a')])).toBeUndefined();
    expect(presetRequestFromMenuClick({ ...info, srcUrl: undefined }, tab, [p('s')])).toBeUndefined();
    expect(presetRequestFromMenuClick(info, undefined, [p('s')])).toBeUndefined();
    expect(presetRequestFromMenuClick({ ...info, menuItemId: MENU_DESCRIBE_EDIT }, tab, [p('s')])).toBeUndefined();
  });
});
