import { browser } from 'wxt/browser';
import type { TestConnectionResult } from '../messages';
import { setApiKey } from '../secret-store';
import { sendToBackground } from '../send-message';
import { ApiKey, BaseUrl, type Provider, type Settings } from '../settings';
import { saveSettings } from '../settings-store';
import { originPatternFor } from './origin-pattern';
import { keyProviderProblem, providerOf } from './provider-form';
import { validateSettingsForm, type FieldErrors, type SettingsFormValues } from './settings-form';

/** A line of feedback under the buttons: news (status) or a problem (alert). */
export interface Outcome {
  kind: 'status' | 'alert';
  text: string;
}

/** Either field errors (nothing was done) or the work started, ending in an outcome. */
export type Started = { errors: FieldErrors } | { pending: Promise<Outcome> };

/** What Save and Test connection touch; tests pass fakes. */
export interface OptionsDeps {
  requestOrigins: (origins: string[]) => Promise<boolean>;
  saveSettings: (settings: Settings) => Promise<void>;
  /** Saves the key of `provider`; the other provider's key is kept. */
  setApiKey: (key: string, provider: Provider) => Promise<void>;
  testConnection: (baseUrl: string, apiKey: string, provider: Provider) => Promise<TestConnectionResult>;
}

export const browserOptionsDeps: OptionsDeps = {
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  saveSettings,
  setApiKey,
  testConnection: (baseUrl, apiKey, provider) => sendToBackground({ type: 'bg:test-connection', provider, baseUrl, apiKey }),
};

export const SAVED_MESSAGE = 'Saved.';

function refusedMessage(pattern: string, consequence: string): string {
  const host = pattern.replace(/\/\*$/, '');
  return `Permission to reach ${host} was not granted, so ${consequence}. The extension can only call an API base URL you allow.`;
}

/**
 * Asks for the host permission a custom base URL needs. Must run synchronously inside the click
 * handler: browsers only show the prompt during a user gesture, which an earlier `await` would end.
 * https://developer.chrome.com/docs/extensions/reference/api/permissions#method-request
 */
function requestAccess(baseUrl: string, deps: OptionsDeps, consequence: string): Promise<string | undefined> {
  const pattern = originPatternFor(baseUrl);
  if (!pattern) return Promise.resolve(undefined);
  return deps.requestOrigins([pattern]).then(
    (granted) => (granted ? undefined : refusedMessage(pattern, consequence)),
    () => refusedMessage(pattern, consequence),
  );
}

/** Save: validate everything, ask for the base URL's host if needed, then store settings and key. */
export function startSave(values: SettingsFormValues, deps: OptionsDeps = browserOptionsDeps): Started {
  const result = validateSettingsForm(values);
  if (!result.ok) return { errors: result.errors };
  const access = requestAccess(result.settings.baseUrl, deps, 'nothing was saved');
  return {
    pending: (async (): Promise<Outcome> => {
      const refused = await access;
      if (refused) return { kind: 'alert', text: refused };
      try {
        await deps.saveSettings(result.settings);
        await deps.setApiKey(result.apiKey, result.settings.provider);
      } catch {
        return { kind: 'alert', text: 'The settings could not be saved. Try again.' };
      }
      return { kind: 'status', text: SAVED_MESSAGE };
    })(),
  };
}

/** Test connection: check the typed (maybe unsaved) base URL and key with the provider. */
export function startConnectionTest(values: SettingsFormValues, deps: OptionsDeps = browserOptionsDeps): Started {
  const baseUrl = BaseUrl.safeParse(values.baseUrl);
  const apiKey = ApiKey.safeParse(values.apiKey);
  const provider = providerOf(values.provider);
  const wrongKey = apiKey.success ? keyProviderProblem(provider, apiKey.data) : undefined;
  if (!baseUrl.success || !apiKey.success || wrongKey) {
    const errors: FieldErrors = {};
    if (!baseUrl.success) errors.baseUrl = baseUrl.error.issues[0]?.message;
    if (!apiKey.success) errors.apiKey = apiKey.error.issues[0]?.message;
    if (wrongKey) errors.apiKey = wrongKey;
    return { errors };
  }
  const access = requestAccess(baseUrl.data, deps, 'the connection was not tested');
  return {
    pending: (async (): Promise<Outcome> => {
      const refused = await access;
      if (refused) return { kind: 'alert', text: refused };
      try {
        const reply = await deps.testConnection(baseUrl.data, apiKey.data, provider);
        if (!reply) return { kind: 'alert', text: 'The extension did not answer. Reload this page and try again.' };
        return reply.ok ? { kind: 'status', text: connectedText(reply) } : { kind: 'alert', text: reply.message };
      } catch {
        return { kind: 'alert', text: 'The extension did not answer. Reload this page and try again.' };
      }
    })(),
  };
}

/** "Connected as Ada" (Replicate names the account), or "Connected — 123.4 credits" (Black Forest Labs has only a balance). */
export function connectedText(reply: Extract<TestConnectionResult, { ok: true }>): string {
  if (reply.credits === undefined) return `Connected as ${reply.name || reply.username}`;
  return `Connected — ${reply.credits.toLocaleString('en-US', { maximumFractionDigits: 2 })} credits`;
}
