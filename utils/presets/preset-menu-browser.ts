import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { MenuApi } from './preset-menu';
import type { BuiltMenuStore } from './preset-menu-sync';

/** Local-storage key of the preset list the live menu was built from (never synced: menus are per browser). */
export const PRESET_MENU_BUILT_KEY = 'local:presetMenuBuilt';

/** browser.contextMenus as the menu sync uses it. */
export const browserMenuApi: MenuApi = {
  create: (props) => browser.contextMenus.create(props),
  update: async (id, props) => {
    await browser.contextMenus.update(id, props);
  },
  remove: async (id) => {
    await browser.contextMenus.remove(id);
  },
};

const builtItem = storage.defineItem<unknown>(PRESET_MENU_BUILT_KEY);

/** Where the built list is kept between worker restarts. */
export const browserBuiltMenuStore: BuiltMenuStore = {
  read: () => builtItem.getValue(),
  write: (presets) => builtItem.setValue(presets),
};
