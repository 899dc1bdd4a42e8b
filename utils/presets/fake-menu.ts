import { vi } from 'vitest';
import type { Preset } from './preset';
import { presetMenuItems, type MenuApi } from './preset-menu';

/** A menu item as the tests compare them. */
export interface FakeMenuItem {
  id: string;
  title: string;
}

/** A live menu for tests: what create/update/remove do to it, item order included; unknown ids throw like Chrome's. */
export function createFakeMenu(initial: FakeMenuItem[] = []) {
  const items = [...initial];
  const api: MenuApi = {
    create: vi.fn((props) => items.push({ id: String(props.id), title: String(props.title) })),
    update: vi.fn(async (id, props) => {
      const item = items.find((i) => i.id === id);
      if (!item) throw new Error('Cannot find menu item');
      item.title = props.title;
    }),
    remove: vi.fn(async (id) => {
      const at = items.findIndex((i) => i.id === id);
      if (at < 0) throw new Error('Cannot find menu item');
      items.splice(at, 1);
    }),
  };
  return { api, items };
}

/** The items the image menu shows for these presets. */
export function menuItemsFor(presets: Preset[]): FakeMenuItem[] {
  return presetMenuItems(presets).map((i) => ({ id: String(i.id), title: String(i.title) }));
}
