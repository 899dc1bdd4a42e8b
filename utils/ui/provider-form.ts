import { DEFAULT_BASE_URLS, Provider } from '../settings';

/** The providers as people know them, in the order the options page offers them. */
export const PROVIDER_LABELS: Readonly<Record<Provider, string>> = { replicate: 'Replicate', bfl: 'Black Forest Labs' };

/** What the key box shows before anything is typed. */
export const KEY_PLACEHOLDERS: Readonly<Record<Provider, string>> = { replicate: 'r8_…', bfl: 'bfl_…' };

/** Where each provider's keys are made. */
export const KEY_PAGES: Readonly<Record<Provider, string>> = {
  replicate: 'https://replicate.com/account/api-tokens',
  // Keys are made per project there (API → Keys).
  bfl: 'https://dashboard.bfl.ai/',
};

/** What the base URL box may hold for each provider. */
export const BASE_URL_HINTS: Readonly<Record<Provider, string>> = {
  replicate: 'Replicate’s API, or a Replicate-compatible service. Another host asks for your permission when you save.',
  bfl: 'Black Forest Labs’ API (api.bfl.ai), or one of its regional endpoints such as https://api.eu.bfl.ai/v1.',
};

/** The provider a form value names; anything unknown reads as the default, Replicate. */
export function providerOf(value: string): Provider {
  const parsed = Provider.safeParse(value);
  return parsed.success ? parsed.data : 'replicate';
}

/** The key and base URL typed for one provider, kept while the form shows the other. */
export interface ProviderDraft {
  apiKey: string;
  baseUrl: string;
}
export type ProviderDrafts = Record<Provider, ProviderDraft>;

/** The form's provider fields: what the switch reads and replaces. */
export interface ProviderFields {
  provider: string;
  apiKey: string;
  baseUrl: string;
}

/**
 * Each provider's starting draft: the shown provider's as in the form, the other's from its saved key
 * and its default base URL (a saved base URL belongs to the provider it was saved with).
 */
export function initialDrafts(fields: ProviderFields, savedKeys: Partial<Record<Provider, string>>): ProviderDrafts {
  const shown = providerOf(fields.provider);
  const draftOf = (provider: Provider): ProviderDraft =>
    provider === shown
      ? { apiKey: fields.apiKey, baseUrl: fields.baseUrl }
      : { apiKey: savedKeys[provider] ?? '', baseUrl: DEFAULT_BASE_URLS[provider] };
  return { replicate: draftOf('replicate'), bfl: draftOf('bfl') };
}

/**
 * Switching provider in the form: what was typed for the old one is kept aside (switching back brings
 * it again, so a Replicate key is never lost by looking at Black Forest Labs), and the new one's key
 * and base URL take its place. Nothing is stored until Save.
 */
export function switchProvider(
  fields: ProviderFields,
  next: Provider,
  drafts: ProviderDrafts,
): { fields: ProviderFields; drafts: ProviderDrafts } {
  const current = providerOf(fields.provider);
  if (current === next) return { fields, drafts };
  const kept: ProviderDrafts = { ...drafts, [current]: { apiKey: fields.apiKey, baseUrl: fields.baseUrl } };
  return { fields: { provider: next, ...kept[next] }, drafts: kept };
}

/** A key that surely belongs to the other provider, said before anything is sent; undefined otherwise. */
export function keyProviderProblem(provider: Provider, key: string): string | undefined {
  // Replicate's tokens start with r8_; Black Forest Labs would refuse one with a bare 401.
  if (provider === 'bfl' && key.trim().startsWith('r8_')) {
    return 'This is a Replicate token (r8_…). Black Forest Labs needs its own API key, or choose Replicate above.';
  }
  return undefined;
}
