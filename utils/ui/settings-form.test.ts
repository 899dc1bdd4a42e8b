import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { formValuesFrom, validateSettingsForm, type SettingsFormValues } from './settings-form';

const good: SettingsFormValues = { ...formValuesFrom(DEFAULT_SETTINGS, undefined), apiKey: ' r8_abc123\n' };

describe('validateSettingsForm', () => {
  it('returns parsed settings and a trimmed key for good values', () => {
    const result = validateSettingsForm({ ...good, baseUrl: 'https://proxy.example.com/v1/', safetyTolerance: '1' });
    expect(result).toEqual({
      ok: true,
      apiKey: 'r8_abc123',
      settings: { ...DEFAULT_SETTINGS, baseUrl: 'https://proxy.example.com/v1', safetyTolerance: 1 },
    });
  });

  it('names each bad field with the schema’s message', () => {
    const result = validateSettingsForm({ ...good, baseUrl: 'ftp://nope', apiKey: 'has space', safetyTolerance: '5' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.baseUrl).toMatch(/full http\(s\) URL/);
    expect(result.errors.apiKey).toMatch(/spaces/);
    expect(result.errors.safetyTolerance).toMatch(/At most 2/);
    expect(result.errors.model).toBeUndefined();
  });

  it('refuses an empty key and a non-numeric tolerance instead of defaulting them', () => {
    const result = validateSettingsForm({ ...good, apiKey: '  ', safetyTolerance: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.apiKey).toBe('Enter your API key.');
    expect(result.errors.safetyTolerance).toBe('Use 0, 1 or 2.');
  });

  it('keeps the chosen provider instead of resetting it to Replicate', () => {
    const result = validateSettingsForm({ ...good, provider: 'bfl', baseUrl: 'https://api.bfl.ai/v1', apiKey: 'bfl_abc' });
    expect(result).toMatchObject({ ok: true, apiKey: 'bfl_abc', settings: { provider: 'bfl', baseUrl: 'https://api.bfl.ai/v1' } });
  });

  it('refuses a Replicate token for Black Forest Labs', () => {
    const result = validateSettingsForm({ ...good, provider: 'bfl', baseUrl: 'https://api.bfl.ai/v1', apiKey: 'r8_abc' });
    expect(result).toMatchObject({ ok: false, errors: { apiKey: expect.stringMatching(/Replicate token/) as string } });
  });
});
