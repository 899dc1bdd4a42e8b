import { describe, expect, it } from 'vitest';
import { ApiKey, DEFAULT_SETTINGS, parseStoredSettings, Settings } from './settings';
import { getSettings, saveSettings } from './settings-store';

describe('settings', () => {
  it('defaults to Replicate, flux-kontext-pro and the model defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      baseUrl: 'https://api.replicate.com/v1',
      model: 'black-forest-labs/flux-kontext-pro',
      outputFormat: 'png',
      aspectRatio: 'match_input_image',
      safetyTolerance: 2,
      promptUpsampling: false,
      maxConcurrentJobs: 4,
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
