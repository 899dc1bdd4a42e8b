import { browser } from 'wxt/browser';
import { DEFAULT_PRESETS } from './default-presets';
import { MAX_PRESETS, newPresetId, Preset, PresetDraft } from './preset';
import { PRESET_KEY_PREFIX, PRESET_ORDER_KEY, presetKey, readOrderRecord, readPresetRecord, toRecord } from './preset-record';
import { createSerialQueue } from '../serial-queue';

/**
 * Presets live in the browser's sync storage so they follow the user to other computers. Nothing
 * secret goes there (the API key stays in the local secret store): a preset is a name, an instruction
 * and optional choices. Sync storage has small quotas (8 KB per item, 100 KB in all, 512 items), so
 * each preset is its own item and the order is a separate list of ids, and there are at most
 * MAX_PRESETS of them.
 */

/** The part of a storage area the store uses (browser.storage.sync, or a fake in tests). */
export interface PresetArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Calls back with the keys that changed in this area; returns the unsubscribe function. */
  watch(callback: (keys: string[]) => void): () => void;
}

/** Why a write was refused, in words for the options page. */
export class PresetStoreError extends Error {}

export const QUOTA_MESSAGE =
  'Your browser’s sync storage is full. Shorten or delete a preset (or another extension’s synced data) and try again.';
export const NEWER_MESSAGE = 'Your presets were saved by a newer version of Edit with Kontext on another computer. Update the extension here to change them.';
export const TOO_MANY_MESSAGE = `You can keep up to ${MAX_PRESETS} presets. Delete one to add another.`;

/** The sync area of this browser. */
export const browserPresetArea: PresetArea = {
  get: (keys) => browser.storage.sync.get(keys),
  set: (items) => browser.storage.sync.set(items),
  remove: (keys) => browser.storage.sync.remove(keys),
  watch(callback) {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'sync') callback(Object.keys(changes));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

/** Quota errors come back as rejections whose message names the quota (Chrome and Firefox alike). */
export function isQuotaError(error: unknown): boolean {
  return /QUOTA_BYTES|quota/i.test(error instanceof Error ? error.message : String(error));
}

export interface PresetStore {
  /** Every preset, in menu order. */
  list(): Promise<Preset[]>;
  add(draft: PresetDraft): Promise<Preset>;
  update(id: string, draft: PresetDraft): Promise<Preset>;
  remove(id: string): Promise<void>;
  /** Puts a preset back where it was (undo of remove). */
  restore(preset: Preset, index: number): Promise<void>;
  /** Moves a preset up (-1) or down (+1) by one place. */
  move(id: string, by: -1 | 1): Promise<void>;
  /** Writes the default presets if there has never been any preset list (a fresh install). */
  seedDefaults(): Promise<boolean>;
  /** Calls back with the list whenever it changes here or on another device; returns unsubscribe. */
  watch(callback: (presets: Preset[]) => void): () => void;
}

/** A preset store over one storage area (dependencies injected so tests pass a fake area). */
export function createPresetStore(area: PresetArea = browserPresetArea, makeId: () => string = newPresetId): PresetStore {
  // One write at a time from this page: an order read-modify-write must not interleave with another.
  const queue = createSerialQueue();

  async function readStoredOrder() {
    const stored = await area.get([PRESET_ORDER_KEY]);
    return readOrderRecord(stored[PRESET_ORDER_KEY]);
  }

  /** The order for a change: refused when a newer build wrote it (this one would lose what it added). */
  async function readOrder(): Promise<string[] | undefined> {
    const order = await readStoredOrder();
    if (order?.newer) throw new PresetStoreError(NEWER_MESSAGE);
    return order?.ids;
  }

  async function list(): Promise<Preset[]> {
    const ids = (await readStoredOrder())?.ids ?? [];
    if (ids.length === 0) return [];
    const stored = await area.get(ids.map(presetKey));
    // An id whose item has not synced yet (or does not validate) is skipped, not fatal.
    return ids.map((id) => readPresetRecord(stored[presetKey(id)])).filter((p): p is Preset => p?.id !== undefined);
  }

  async function write(items: Record<string, unknown>): Promise<void> {
    try {
      await area.set(items);
    } catch (error) {
      if (isQuotaError(error)) throw new PresetStoreError(QUOTA_MESSAGE);
      throw error;
    }
  }

  function validate(draft: PresetDraft): PresetDraft {
    const parsed = PresetDraft.safeParse(draft);
    if (!parsed.success) throw new PresetStoreError(parsed.error.issues[0]?.message ?? 'The preset is not valid.');
    return parsed.data;
  }

  async function insert(preset: Preset, index: number): Promise<void> {
    const ids = ((await readOrder()) ?? []).filter((id) => id !== preset.id);
    if (ids.length >= MAX_PRESETS) throw new PresetStoreError(TOO_MANY_MESSAGE);
    ids.splice(Math.max(0, Math.min(index, ids.length)), 0, preset.id);
    // One set() call: both items change together, in one onChanged event.
    await write({ [presetKey(preset.id)]: toRecord(preset), [PRESET_ORDER_KEY]: toRecord({ ids }) });
  }

  return {
    list,
    add: (draft) => queue(async () => {
      const preset = Preset.parse({ ...validate(draft), id: makeId() });
      await insert(preset, MAX_PRESETS);
      return preset;
    }),
    update: (id, draft) => queue(async () => {
      const ids = (await readOrder()) ?? [];
      if (!ids.includes(id)) throw new PresetStoreError('That preset no longer exists.');
      const preset = Preset.parse({ ...validate(draft), id });
      await write({ [presetKey(id)]: toRecord(preset) });
      return preset;
    }),
    remove: (id) => queue(async () => {
      const ids = (await readOrder()) ?? [];
      await write({ [PRESET_ORDER_KEY]: toRecord({ ids: ids.filter((other) => other !== id) }) });
      await area.remove([presetKey(id)]);
    }),
    restore: (preset, index) => queue(() => insert(Preset.parse(preset), index)),
    move: (id, by) => queue(async () => {
      const ids = (await readOrder()) ?? [];
      const from = ids.indexOf(id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= ids.length) return;
      [ids[from], ids[to]] = [ids[to] as string, id];
      await write({ [PRESET_ORDER_KEY]: toRecord({ ids }) });
    }),
    seedDefaults: () => queue(async () => {
      if ((await readStoredOrder()) !== undefined) return false;
      const presets = DEFAULT_PRESETS.map((draft) => Preset.parse({ ...draft, id: makeId() }));
      const items: Record<string, unknown> = { [PRESET_ORDER_KEY]: toRecord({ ids: presets.map((p) => p.id) }) };
      for (const preset of presets) items[presetKey(preset.id)] = toRecord(preset);
      await write(items);
      return true;
    }),
    watch(callback) {
      let latest = 0;
      return area.watch((keys) => {
        if (!keys.some((key) => key === PRESET_ORDER_KEY || key.startsWith(PRESET_KEY_PREFIX))) return;
        // Reads may finish out of order: only the newest one calls back.
        const ticket = ++latest;
        void list().then((presets) => {
          if (ticket === latest) callback(presets);
        }, () => undefined);
      });
    },
  };
}
