import { z } from 'zod';
import { applyMenuOps, planPresetMenuUpdate, presetMenuItems, type MenuApi } from './preset-menu';
import { Preset } from './preset';
import { createSerialQueue } from '../serial-queue';

/**
 * Keeps the live image menu in step with the presets (wired in background-main.ts). Menus
 * outlive the service worker, worker memory does not, so the list the menu was last built from is
 * stored (local storage) and each change is planned against it, updating or removing items by id
 * instead of removeAll + re-create.
 */

/** Storage the sync needs: the preset list the live menu shows. */
export interface BuiltMenuStore {
  read(): Promise<unknown>;
  write(presets: Preset[]): Promise<void>;
}

const BuiltList = z.array(Preset);

export interface PresetMenuSync {
  /** The whole menu from scratch (runtime.onInstalled: menus are wiped on update). */
  rebuild(presets: readonly Preset[], removeAll: () => Promise<void>): Promise<void>;
  /** The fewest changes from what the menu shows to these presets (storage watch of the presets). */
  update(presets: readonly Preset[]): Promise<void>;
}

/** A menu sync over an injected menu API and store of the built list. */
export function createPresetMenuSync(menus: MenuApi, built: BuiltMenuStore): PresetMenuSync {
  // A rebuild and an update, or two quick updates, must not interleave their create/remove calls.
  const queue = createSerialQueue();
  return {
    rebuild: (presets, removeAll) => queue(async () => {
      await removeAll();
      for (const props of presetMenuItems(presets)) menus.create(props);
      await built.write([...presets]);
    }),
    update: (presets) => queue(async () => {
      const parsed = BuiltList.safeParse(await built.read());
      const before = parsed.success ? parsed.data : [];
      await applyMenuOps(planPresetMenuUpdate(before, presets), menus);
      await built.write([...presets]);
    }),
  };
}
