import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Preset } from './preset';
import { browserBuiltMenuStore, PRESET_MENU_BUILT_KEY } from './preset-menu-browser';
import { createFakeMenu, menuItemsFor } from './fake-menu';
import { createPresetMenuSync, type BuiltMenuStore } from './preset-menu-sync';

const p = (id: string, name = id.toUpperCase()): Preset => ({ id, name, instruction: `do ${id}` });

function fakes(initialBuilt?: unknown) {
  const { api: menus, items } = createFakeMenu();
  let stored = initialBuilt;
  const built: BuiltMenuStore = { read: async () => stored, write: async (list) => void (stored = list) };
  const removeAll = vi.fn(async () => void items.splice(0));
  return { items, menus, built, removeAll };
}

describe('preset menu sync', () => {
  it('builds the whole menu, then follows changes without re-creating unchanged items', async () => {
    const { items, menus, built, removeAll } = fakes();
    const sync = createPresetMenuSync(menus, built);
    await sync.rebuild([p('a'), p('b')], removeAll);
    expect(items).toEqual(menuItemsFor([p('a'), p('b')]));
    vi.mocked(menus.create).mockClear();
    await sync.update([p('a', 'Renamed'), p('b'), p('c')]);
    expect(items).toEqual(menuItemsFor([p('a', 'Renamed'), p('b'), p('c')]));
    expect(menus.create).toHaveBeenCalledTimes(1);
    expect(removeAll).toHaveBeenCalledTimes(1);
  });

  it('plans against the stored list after a worker restart (a new sync object)', async () => {
    const first = fakes();
    await createPresetMenuSync(first.menus, first.built).rebuild([p('a'), p('b')], first.removeAll);
    const restarted = createPresetMenuSync(first.menus, first.built);
    await restarted.update([p('b')]);
    expect(first.items).toEqual(menuItemsFor([p('b')]));
  });

  it('keeps two quick updates in order', async () => {
    const { items, menus, built, removeAll } = fakes();
    const sync = createPresetMenuSync(menus, built);
    await sync.rebuild([p('a')], removeAll);
    await Promise.all([sync.update([p('a'), p('b')]), sync.update([p('b'), p('a')])]);
    expect(items).toEqual(menuItemsFor([p('b'), p('a')]));
  });
});

describe('preset menu sync in the browser', () => {
  it('keeps the built list in local storage, not in sync', async () => {
    await browserBuiltMenuStore.write([p('a')]);
    expect(await browserBuiltMenuStore.read()).toEqual([p('a')]);
    expect(await fakeBrowser.storage.local.get(PRESET_MENU_BUILT_KEY.replace('local:', ''))).toEqual({ presetMenuBuilt: [p('a')] });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});
