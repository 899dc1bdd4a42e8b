import type { PresetArea } from './preset-store';

/** An in-memory sync area for tests, with sync's per-item quota and a switch to fail writes. */
export function createFakePresetArea(options: { perItemBytes?: number } = {}) {
  const data = new Map<string, unknown>();
  const listeners = new Set<(keys: string[]) => void>();
  const control = { failNextSet: undefined as Error | undefined, sets: 0 };
  const notify = (keys: string[]) => listeners.forEach((listener) => listener(keys));
  const area: PresetArea = {
    async get(keys) {
      const wanted = keys ?? [...data.keys()];
      return Object.fromEntries(wanted.filter((key) => data.has(key)).map((key) => [key, structuredClone(data.get(key))]));
    },
    async set(items) {
      control.sets += 1;
      const failure = control.failNextSet;
      control.failNextSet = undefined;
      if (failure) throw failure;
      for (const [key, value] of Object.entries(items)) {
        // Chrome counts an item as its key plus its JSON.
        if (options.perItemBytes && key.length + JSON.stringify(value).length > options.perItemBytes) {
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        }
      }
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
      notify(Object.keys(items));
    },
    async remove(keys) {
      keys.forEach((key) => data.delete(key));
      notify(keys);
    },
    watch(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
  return { area, data, control };
}
