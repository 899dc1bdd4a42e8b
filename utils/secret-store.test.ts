import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openKontextDb } from './db';
import { getApiKey, getApiKeys, isKeySessionOnly, setApiKey, setKeySessionOnly } from './secret-store';
import { DEFAULT_SETTINGS } from './settings';
import { saveSettings } from './settings-store';

const inDb = async () => (await openKontextDb()).get('secrets', 'apiKey');
const inSession = async () => (await fakeBrowser.storage.session.get('apiKey')).apiKey;
const bflInDb = async () => (await openKontextDb()).get('secrets', 'apiKey:bfl');
const bflInSession = async () => (await fakeBrowser.storage.session.get('apiKey:bfl'))['apiKey:bfl'];

describe('secret store', () => {
  it('keeps the key in IndexedDB by default, not in the session', async () => {
    await setApiKey('r8_disk');
    expect(await getApiKey()).toBe('r8_disk');
    expect(await inDb()).toBe('r8_disk');
    expect(await inSession()).toBeUndefined();
  });

  it('moves the key to the session when it should last only until the browser closes, and back', async () => {
    await setApiKey('r8_move');
    await setKeySessionOnly(true);
    expect(await isKeySessionOnly()).toBe(true);
    expect(await inSession()).toBe('r8_move');
    expect(await inDb()).toBeUndefined();
    expect(await getApiKey()).toBe('r8_move');

    await setKeySessionOnly(false);
    expect(await inDb()).toBe('r8_move');
    expect(await inSession()).toBeUndefined();
  });

  it('saves a key typed later to the session once that is chosen', async () => {
    await setKeySessionOnly(true);
    await setApiKey('r8_later');
    expect(await inSession()).toBe('r8_later');
    expect(await inDb()).toBeUndefined();
  });

  it('has no key once the browser closed and emptied the session', async () => {
    await setKeySessionOnly(true);
    await setApiKey('r8_gone');
    await fakeBrowser.storage.session.clear();
    expect(await getApiKey()).toBeUndefined();
  });

  it('reads the session first when both hold a key (a move cut short)', async () => {
    await setApiKey('r8_old');
    await fakeBrowser.storage.session.set({ apiKey: 'r8_new' });
    expect(await getApiKey()).toBe('r8_new');
  });

  it('removes the key from both stores when it is cleared', async () => {
    await setApiKey('r8_x');
    await fakeBrowser.storage.session.set({ apiKey: 'r8_y' });
    await setApiKey('');
    expect(await getApiKey()).toBeUndefined();
  });

  it('keeps one key per provider, so switching provider and back loses neither', async () => {
    await setApiKey('r8_replicate', 'replicate');
    await setApiKey('bfl_key', 'bfl');
    expect(await getApiKey('replicate')).toBe('r8_replicate');
    expect(await getApiKey('bfl')).toBe('bfl_key');
    expect(await inDb()).toBe('r8_replicate');
    expect(await bflInDb()).toBe('bfl_key');
    expect(await getApiKeys()).toEqual({ replicate: 'r8_replicate', bfl: 'bfl_key' });

    await setApiKey('', 'bfl');
    expect(await getApiKey('bfl')).toBeUndefined();
    expect(await getApiKey('replicate')).toBe('r8_replicate');
  });

  it('reads and writes the key of the provider chosen in the settings when none is named', async () => {
    await setApiKey('r8_replicate', 'replicate');
    await saveSettings({ ...DEFAULT_SETTINGS, provider: 'bfl' });
    expect(await getApiKey()).toBeUndefined();
    await setApiKey('bfl_chosen');
    expect(await getApiKey('bfl')).toBe('bfl_chosen');
    expect(await getApiKey('replicate')).toBe('r8_replicate');
  });

  it('moves every provider\'s key to the session and back', async () => {
    await setApiKey('r8_both', 'replicate');
    await setApiKey('bfl_both', 'bfl');
    await setKeySessionOnly(true);
    expect([await inSession(), await bflInSession()]).toEqual(['r8_both', 'bfl_both']);
    expect([await inDb(), await bflInDb()]).toEqual([undefined, undefined]);

    await setKeySessionOnly(false);
    expect([await inDb(), await bflInDb()]).toEqual(['r8_both', 'bfl_both']);
    expect(await getApiKeys()).toEqual({ replicate: 'r8_both', bfl: 'bfl_both' });
  });
});
