import { BaseUrl, DEFAULT_BASE_URLS, Provider } from '../settings';

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
  /** The base URLs of the providers not shown (saved with the settings, so switching back finds them). */
  otherBaseUrls: Partial<Record<Provider, string>>;
}

/** Each provider's starting draft: the shown provider's as in the form, the other's from its saved key and base URL. */
export function initialDrafts(fields: ProviderFields, savedKeys: Partial<Record<Provider, string>>): ProviderDrafts {
  const shown = providerOf(fields.provider);
  const draftOf = (provider: Provider): ProviderDraft =>
    provider === shown
      ? { apiKey: fields.apiKey, baseUrl: fields.baseUrl }
      : { apiKey: savedKeys[provider] ?? '', baseUrl: fields.otherBaseUrls[provider] ?? DEFAULT_BASE_URLS[provider] };
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
  const otherBaseUrls = Object.fromEntries(Provider.options.filter((p) => p !== next).map((p) => [p, kept[p].baseUrl]));
  return { fields: { provider: next, ...kept[next], otherBaseUrls }, drafts: kept };
}

/**
 * The other providers' base URLs worth saving: valid and not their default. One typed wrong and left
 * behind by a switch is dropped rather than blocking the Save of the provider shown.
 */
export function otherBaseUrlsToSave(fields: Pick<ProviderFields, 'provider' | 'otherBaseUrls'>): Partial<Record<Provider, string>> {
  const shown = providerOf(fields.provider);
  const kept: Partial<Record<Provider, string>> = {};
  for (const provider of Provider.options) {
    const url = BaseUrl.safeParse(fields.otherBaseUrls[provider] ?? '');
    if (provider !== shown && url.success && url.data !== DEFAULT_BASE_URLS[provider]) kept[provider] = url.data;
  }
  return kept;
}

/** A key that surely belongs to the other provider, said before anything is sent; undefined otherwise. */
export function keyProviderProblem(provider: Provider, key: string): string | undefined {
  // Replicate's tokens start with r8_; Black Forest Labs would refuse one with a bare 401.
  if (provider === 'bfl' && key.trim().startsWith('r8_')) {
    return 'This is a Replicate token (r8_…). Black Forest Labs needs its own API key, or choose Replicate above.';
  }
  return undefined;
}
