// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundMessage, TestConnectionResult } from '../utils/messages';
import { getApiKey, setApiKey } from '../utils/secret-store';
import { DEFAULT_SETTINGS } from '../utils/settings';
import { getSettings, saveSettings } from '../utils/settings-store';
import { OptionsApp } from './OptionsApp';

async function renderLoaded() {
  const user = userEvent.setup();
  render(<OptionsApp />);
  const key = await screen.findByLabelText('API key');
  return { user, key };
}

async function replace(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  if (text) await user.type(input, text);
}

beforeEach(async () => {
  await setApiKey('');
});

afterEach(cleanup);

describe('OptionsApp', () => {
  it('shows the saved settings and key, with the default base URL', async () => {
    await setApiKey('r8_saved');
    await saveSettings({ ...DEFAULT_SETTINGS, model: 'black-forest-labs/flux-kontext-max', safetyTolerance: 1 });
    const { key } = await renderLoaded();
    expect((key as HTMLInputElement).value).toBe('r8_saved');
    expect(key.getAttribute('type')).toBe('password');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'API base URL' }).value).toBe('https://api.replicate.com/v1');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Model' }).value).toBe('black-forest-labs/flux-kontext-max');
    expect(screen.getByRole('option', { name: /\$0\.04 per edit/ })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Safety tolerance' }).value).toBe('1');
    for (const label of ['Output format', 'Aspect ratio', 'Prompt upsampling']) expect(screen.getByLabelText(label)).toBeTruthy();
  });

  it('refuses a bad base URL with a message next to the field and saves nothing', async () => {
    const { user, key } = await renderLoaded();
    await user.type(key, 'r8_new');
    await replace(user, 'API base URL', 'not a url');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const field = screen.getByRole('textbox', { name: 'API base URL' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText(/Enter a full http\(s\) URL/);
    expect(field.getAttribute('aria-describedby')).toContain(message.id);
    expect(document.activeElement).toBe(field);
    expect(await getApiKey()).toBeUndefined();
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('refuses a missing key', async () => {
    const { user, key } = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter your API key.')).toBeTruthy();
  });

  it('saves good values to storage and the trimmed key to the secret store', async () => {
    const { user, key } = await renderLoaded();
    await user.type(key, '  r8_abc  ');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'black-forest-labs/flux-kontext-max');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Output format' }), 'jpg');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Aspect ratio' }), '4:3');
    await replace(user, 'Safety tolerance', '0');
    await user.click(screen.getByRole('checkbox', { name: 'Prompt upsampling' }));
    await replace(user, 'Edits at once', '2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Largest image sent' }), '1 megapixel');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('status')).textContent).toBe('Saved.');
    expect(await getApiKey()).toBe('r8_abc');
    expect(await getSettings()).toEqual({
      provider: 'replicate',
      otherBaseUrls: {},
      baseUrl: 'https://api.replicate.com/v1',
      model: 'black-forest-labs/flux-kontext-max',
      outputFormat: 'jpg',
      aspectRatio: '4:3',
      safetyTolerance: 0,
      promptUpsampling: true,
      modelOptions: {},
      maxConcurrentJobs: 2,
      maxInputPixels: 1_000_000,
    });
  });

  it('asks for access to a custom API host and saves nothing when refused', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    const { user, key } = await renderLoaded();
    await user.type(key, 'r8_abc');
    await replace(user, 'API base URL', 'https://proxy.example.com/v1');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/Permission to reach https:\/\/proxy\.example\.com was not granted, so nothing was saved/);
    expect(request).toHaveBeenCalledWith({ origins: ['https://proxy.example.com/*'] });
    expect(await getApiKey()).toBeUndefined();
    expect((await getSettings()).baseUrl).toBe(DEFAULT_SETTINGS.baseUrl);
  });

  it('saves a custom API host once access is granted', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const { user, key } = await renderLoaded();
    await user.type(key, 'r8_abc');
    await replace(user, 'API base URL', 'https://proxy.example.com/v1/');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect((await getSettings()).baseUrl).toBe('https://proxy.example.com/v1');
  });

  it('shows and hides the key', async () => {
    const { user, key } = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Show key' }));
    expect(key.getAttribute('type')).toBe('text');
    await user.click(screen.getByRole('button', { name: 'Hide key' }));
    expect(key.getAttribute('type')).toBe('password');
  });

  it.each<[string, TestConnectionResult, string, string]>([
    ['the account name', { ok: true, username: 'ada', name: 'Ada Lovelace' }, 'status', 'Connected as Ada Lovelace'],
    ['the username without a name', { ok: true, username: 'ada' }, 'status', 'Connected as ada'],
    ['the refusal', { ok: false, verified: false, message: 'The API key was refused.' }, 'alert', 'The API key was refused.'],
  ])('tests the typed, unsaved values and shows %s', async (_name, reply, role, text) => {
    const sent: BackgroundMessage[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
      sent.push(message);
      return reply;
    }) as never);
    const { user, key } = await renderLoaded();
    await user.type(key, 'r8_typed');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));

    await waitFor(() => expect(screen.getByRole(role).textContent).toBe(text));
    expect(sent).toEqual([{ type: 'bg:test-connection', provider: 'replicate', baseUrl: 'https://api.replicate.com/v1', apiKey: 'r8_typed' }]);
    expect(await getApiKey()).toBeUndefined();
  });
});
