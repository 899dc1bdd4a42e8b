import { describe, expect, it } from 'vitest';
import { ApiKey, DEFAULT_SETTINGS, parseStoredSettings, Settings } from './settings';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, readStoredSettings, saveSettings, SETTINGS_SCHEMA_VERSION } from './settings-store';

describe('settings', () => {
  it('defaults to Replicate, flux-kontext-pro and the model defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      provider: 'replicate',
      otherBaseUrls: {},
      baseUrl: 'https://api.replicate.com/v1',
      model: 'black-forest-labs/flux-kontext-pro',
      outputFormat: 'png',
      aspectRatio: 'match_input_image',
      safetyTolerance: 2,
      promptUpsampling: false,
      modelOptions: {},
      maxConcurrentJobs: 4,
      maxInputPixels: 2_000_000,
    });
  });

  it('accepts a reseller base URL and drops its trailing slash', () => {
    expect(Settings.parse({ baseUrl: ' https://proxy.example.com/replicate/v1/ ' }).baseUrl).toBe('https://proxy.example.com/replicate/v1');
  });

  it.each([
    ['a non-URL base', { baseUrl: 'api.replicate.com' }, 'baseUrl'],
    ['a non-http base', { baseUrl: 'ftp://example.com/v1' }, 'baseUrl'],
    ['a safety tolerance above what image edits allow', { safetyTolerance: 3 }, 'safetyTolerance'],
    ['webp output, which the model rejects', { outputFormat: 'webp' }, 'outputFormat'],
    ['an unknown aspect ratio', { aspectRatio: '7:5' }, 'aspectRatio'],
    ['no edits at once', { maxConcurrentJobs: 0 }, 'maxConcurrentJobs'],
    ['more edits at once than the provider should see from one browser', { maxConcurrentJobs: 11 }, 'maxConcurrentJobs'],
    ['an input cap too small to edit anything', { maxInputPixels: 10_000 }, 'maxInputPixels'],
    ['an input cap far above what the model uses', { maxInputPixels: 50_000_000 }, 'maxInputPixels'],
  ])('refuses %s with a message on that field', (_name, input, field) => {
    const result = Settings.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(result.error?.issues[0]?.message).toBeTruthy();
  });

  it('refuses an empty key or one with a line break inside', () => {
    expect(ApiKey.safeParse('  ').success).toBe(false);
    expect(ApiKey.safeParse('r8_abc\ndef').success).toBe(false);
    expect(ApiKey.parse(' r8_abc\n')).toBe('r8_abc');
  });

  it('keeps valid stored fields when one stored field no longer validates', () => {
    expect(parseStoredSettings({ model: 'black-forest-labs/flux-kontext-max', outputFormat: 'gif' })).toEqual({
      ...DEFAULT_SETTINGS,
      model: 'black-forest-labs/flux-kontext-max',
    });
  });

  it('round-trips through storage', async () => {
    const settings = { ...DEFAULT_SETTINGS, outputFormat: 'jpg' as const, promptUpsampling: true };
    await saveSettings(settings);
    expect(await getSettings()).toEqual(settings);
  });
});

describe('stored settings versions', () => {
  const storedRecord = async () => (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>;

  it('stamps the stored record with its schema version', async () => {
    await saveSettings(DEFAULT_SETTINGS);
    expect(await storedRecord()).toMatchObject({ v: SETTINGS_SCHEMA_VERSION, model: DEFAULT_SETTINGS.model });
  });

  it('reads settings the first builds stored without a version', async () => {
    await fakeBrowser.storage.local.set({ settings: { model: 'black-forest-labs/flux-kontext-max', outputFormat: 'jpg' } });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, model: 'black-forest-labs/flux-kontext-max', outputFormat: 'jpg' });
  });

  it('upgrades an older record through the migration steps before validating it', () => {
    // A next version that renamed `format` to `outputFormat` would ship this step; the reader takes it as is.
    const versioning = {
      current: 2,
      unversioned: 1,
      migrations: { 2: ({ format, ...rest }: Record<string, unknown>) => ({ ...rest, outputFormat: format }) },
    };
    expect(readStoredSettings({ v: 1, format: 'jpg', maxConcurrentJobs: 2 }, versioning)).toEqual({
      ...DEFAULT_SETTINGS, outputFormat: 'jpg', maxConcurrentJobs: 2,
    });
  });

  it('reads what it can of settings from a newer build instead of resetting them', () => {
    expect(readStoredSettings({ v: SETTINGS_SCHEMA_VERSION + 1, maxConcurrentJobs: 3, newThing: { a: 1 } })).toEqual({
      ...DEFAULT_SETTINGS, maxConcurrentJobs: 3,
    });
  });
});
