import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setApiKey } from '../secret-store';
import { DEFAULT_PRESETS } from './default-presets';
import { createFakePresetArea } from './fake-preset-area';
import { MAX_PRESETS } from './preset';
import { PRESET_ORDER_KEY, presetKey } from './preset-record';
import { browserPresetArea, createPresetStore, isQuotaError, NEWER_MESSAGE, PresetStoreError, QUOTA_MESSAGE, TOO_MANY_MESSAGE } from './preset-store';

function counter() {
  let n = 0;
  return () => `p${++n}`;
}

const bw = { name: 'Black and white', instruction: 'Make it black and white.' };
const sepia = { name: 'Sepia', instruction: 'Give it a sepia tone.', outputFormat: 'jpg' as const };
const cartoon = { name: 'Cartoon', instruction: 'Draw it as a cartoon.' };

describe('preset store', () => {
  it('adds presets in order, each as its own versioned sync item', async () => {
    const { area, data } = createFakePresetArea();
    const store = createPresetStore(area, counter());
    await store.add(bw);
    await store.add(sepia);
    expect((await store.list()).map((p) => p.name)).toEqual(['Black and white', 'Sepia']);
    expect(data.get(PRESET_ORDER_KEY)).toEqual({ v: 1, ids: ['p1', 'p2'] });
    expect(data.get(presetKey('p2'))).toEqual({ v: 1, id: 'p2', ...sepia });
  });

  it('trims what was typed and refuses an empty name or instruction with a message', async () => {
    const store = createPresetStore(createFakePresetArea().area, counter());
    expect(await store.add({ name: '  Sepia ', instruction: ' Sepia tone. ' })).toMatchObject({ name: 'Sepia', instruction: 'Sepia tone.' });
    await expect(store.add({ name: ' ', instruction: 'x' })).rejects.toThrow('Give the preset a name.');
    await expect(store.add({ name: 'x', instruction: '' })).rejects.toThrow('Describe the edit.');
  });

  it('edits a preset in place, keeping its id and position', async () => {
    const store = createPresetStore(createFakePresetArea().area, counter());
    await store.add(bw);
    await store.add(sepia);
    await store.update('p1', { ...bw, name: 'Mono', aspectRatio: '1:1' });
    expect(await store.list()).toEqual([{ id: 'p1', ...bw, name: 'Mono', aspectRatio: '1:1' }, { id: 'p2', ...sepia }]);
    await expect(store.update('gone', bw)).rejects.toThrow('no longer exists');
  });

  it('moves presets up and down, and ignores moves past either end', async () => {
    const store = createPresetStore(createFakePresetArea().area, counter());
    for (const draft of [bw, sepia, cartoon]) await store.add(draft);
    await store.move('p3', -1);
    expect((await store.list()).map((p) => p.id)).toEqual(['p1', 'p3', 'p2']);
    await store.move('p1', -1);
    await store.move('p2', 1);
    expect((await store.list()).map((p) => p.id)).toEqual(['p1', 'p3', 'p2']);
    await store.move('p1', 1);
    expect((await store.list()).map((p) => p.id)).toEqual(['p3', 'p1', 'p2']);
  });

  it('deletes a preset and its item, and restores it where it was', async () => {
    const { area, data } = createFakePresetArea();
    const store = createPresetStore(area, counter());
    for (const draft of [bw, sepia, cartoon]) await store.add(draft);
    const [, removed] = await store.list();
    await store.remove('p2');
    expect(data.has(presetKey('p2'))).toBe(false);
    expect((await store.list()).map((p) => p.id)).toEqual(['p1', 'p3']);
    await store.restore(removed!, 1);
    expect((await store.list()).map((p) => p.name)).toEqual(['Black and white', 'Sepia', 'Cartoon']);
  });

  it(`keeps at most ${MAX_PRESETS} presets`, async () => {
    const store = createPresetStore(createFakePresetArea().area, counter());
    for (let i = 0; i < MAX_PRESETS; i += 1) await store.add({ name: `P${i}`, instruction: 'x' });
    await expect(store.add(bw)).rejects.toThrow(TOO_MANY_MESSAGE);
    expect(await store.list()).toHaveLength(MAX_PRESETS);
  });

  it('turns a full sync storage into a clear message and changes nothing', async () => {
    const { area, control } = createFakePresetArea();
    const store = createPresetStore(area, counter());
    await store.add(bw);
    control.failNextSet = new Error('QUOTA_BYTES quota exceeded');
    const failure = await store.add(sepia).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PresetStoreError);
    expect((failure as Error).message).toBe(QUOTA_MESSAGE);
    expect((await store.list()).map((p) => p.name)).toEqual(['Black and white']);
  });

  it('fits the longest allowed preset in one sync item of 8 KB', async () => {
    const store = createPresetStore(createFakePresetArea({ perItemBytes: 8192 }).area, counter());
    await expect(store.add({ name: 'n'.repeat(60), instruction: 'é'.repeat(2000), aspectRatio: 'match_input_image', outputFormat: 'png', model: 'black-forest-labs/flux-kontext-max' })).resolves.toMatchObject({ id: 'p1' });
  });

  it('recognises quota errors by their message', () => {
    expect(isQuotaError(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))).toBe(true);
    expect(isQuotaError(new Error('Network down'))).toBe(false);
  });

  it('seeds the default presets once, on a fresh install only', async () => {
    const store = createPresetStore(createFakePresetArea().area, counter());
    expect(await store.seedDefaults()).toBe(true);
    expect((await store.list()).map((p) => p.name)).toEqual(DEFAULT_PRESETS.map((p) => p.name));
    for (const preset of await store.list()) await store.remove(preset.id);
    expect(await store.seedDefaults()).toBe(false);
    expect(await store.list()).toEqual([]);
  });

  it('skips a listed preset whose item is missing or does not validate', async () => {
    const { area, data } = createFakePresetArea();
    const store = createPresetStore(area, counter());
    await store.add(bw);
    await store.add(sepia);
    data.set(presetKey('p1'), { v: 1, id: 'p1', name: '', instruction: 'x' });
    data.set(PRESET_ORDER_KEY, { v: 1, ids: ['p1', 'p2', 'p9', 'p2'] });
    expect((await store.list()).map((p) => p.id)).toEqual(['p2']);
  });

  it('calls watchers with the new list when presets change, and not for other keys', async () => {
    const { area } = createFakePresetArea();
    const store = createPresetStore(area, counter());
    const seen = vi.fn();
    const stop = store.watch(seen);
    await store.add(bw);
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith([{ id: 'p1', ...bw }]));
    const calls = seen.mock.calls.length;
    await area.set({ other: 1 });
    stop();
    await store.add(sepia);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveBeenCalledTimes(calls);
  });

  it('stores presets in the browser’s sync area, where nothing secret is written', async () => {
    await setApiKey('r8_secret_key_value');
    const store = createPresetStore(browserPresetArea, counter());
    await store.add(sepia);
    const synced = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(synced).sort()).toEqual([PRESET_ORDER_KEY, presetKey('p1')].sort());
    expect(JSON.stringify(synced)).not.toContain('r8_secret_key_value');
  });

  it('leaves presets written by a newer build alone: nothing listed, changes refused, nothing seeded', async () => {
    const { area, data } = createFakePresetArea();
    data.set(PRESET_ORDER_KEY, { v: 99, ids: ['p1'], groups: [] });
    const store = createPresetStore(area, counter());
    expect(await store.list()).toEqual([]);
    await expect(store.add(bw)).rejects.toThrow(NEWER_MESSAGE);
    expect(await store.seedDefaults()).toBe(false);
    expect(data.get(PRESET_ORDER_KEY)).toEqual({ v: 99, ids: ['p1'], groups: [] });
  });
});
