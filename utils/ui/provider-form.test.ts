import { describe, expect, it } from 'vitest';
import { initialDrafts, keyProviderProblem, otherBaseUrlsToSave, providerOf, switchProvider } from './provider-form';

describe('provider form', () => {
  const replicateShown = { provider: 'replicate', apiKey: 'r8_typed', baseUrl: 'https://proxy.example.com/v1', otherBaseUrls: {} };

  it('starts the other provider from its saved key and default base URL', () => {
    expect(initialDrafts(replicateShown, { bfl: 'bfl_saved' })).toEqual({
      replicate: { apiKey: 'r8_typed', baseUrl: 'https://proxy.example.com/v1' },
      bfl: { apiKey: 'bfl_saved', baseUrl: 'https://api.bfl.ai/v1' },
    });
  });

  it('keeps a custom base URL and key aside while the other provider is shown', () => {
    const drafts = initialDrafts(replicateShown, {});
    const toBfl = switchProvider(replicateShown, 'bfl', drafts);
    expect(toBfl.fields).toEqual({ provider: 'bfl', apiKey: '', baseUrl: 'https://api.bfl.ai/v1', otherBaseUrls: { replicate: 'https://proxy.example.com/v1' } });
    const back = switchProvider({ ...toBfl.fields, apiKey: 'bfl_typed' }, 'replicate', toBfl.drafts);
    expect(back.fields).toEqual({ ...replicateShown, otherBaseUrls: { bfl: 'https://api.bfl.ai/v1' } });
    expect(back.drafts.bfl).toEqual({ apiKey: 'bfl_typed', baseUrl: 'https://api.bfl.ai/v1' });
  });

  it('changes nothing when the shown provider is chosen again', () => {
    const drafts = initialDrafts(replicateShown, {});
    expect(switchProvider(replicateShown, 'replicate', drafts)).toEqual({ fields: replicateShown, drafts });
  });

  it('reads an unknown provider as Replicate', () => {
    expect(providerOf('openai')).toBe('replicate');
    expect(providerOf('bfl')).toBe('bfl');
  });

  it('spots a Replicate token typed for Black Forest Labs only', () => {
    expect(keyProviderProblem('bfl', ' r8_abc')).toMatch(/Replicate token/);
    expect(keyProviderProblem('bfl', 'bfl_abc')).toBeUndefined();
    expect(keyProviderProblem('replicate', 'r8_abc')).toBeUndefined();
  });

  it('starts the other provider from the base URL last saved for it', () => {
    const bflShown = { provider: 'bfl', apiKey: 'bfl_k', baseUrl: 'https://api.bfl.ai/v1', otherBaseUrls: { replicate: 'https://proxy.example.com/v1' } };
    expect(initialDrafts(bflShown, {}).replicate).toEqual({ apiKey: '', baseUrl: 'https://proxy.example.com/v1' });
  });

  it('saves only the other providers’ base URLs that are valid and not their default', () => {
    expect(otherBaseUrlsToSave({ provider: 'bfl', otherBaseUrls: { replicate: 'https://proxy.example.com/v1/' } })).toEqual({ replicate: 'https://proxy.example.com/v1' });
    expect(otherBaseUrlsToSave({ provider: 'bfl', otherBaseUrls: { replicate: 'https://api.replicate.com/v1' } })).toEqual({});
    expect(otherBaseUrlsToSave({ provider: 'bfl', otherBaseUrls: { replicate: 'not a url' } })).toEqual({});
    expect(otherBaseUrlsToSave({ provider: 'replicate', otherBaseUrls: { replicate: 'https://proxy.example.com/v1' } })).toEqual({});
  });
});
