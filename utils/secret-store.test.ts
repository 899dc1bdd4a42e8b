import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openKontextDb } from './db';
import { getApiKey, isKeySessionOnly, setApiKey, setKeySessionOnly } from './secret-store';

const inDb = async () => (await openKontextDb()).get('secrets', 'apiKey');
const inSession = async () => (await fakeBrowser.storage.session.get('apiKey')).apiKey;

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
});
