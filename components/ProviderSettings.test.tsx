// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundMessage } from '../utils/messages';
import { getApiKey, setApiKey } from '../utils/secret-store';
import { DEFAULT_SETTINGS } from '../utils/settings';
import { getSettings, saveSettings } from '../utils/settings-store';
import { OptionsApp } from './OptionsApp';

afterEach(cleanup);

async function renderLoaded() {
  const user = userEvent.setup();
  render(<OptionsApp />);
  const key = await screen.findByLabelText<HTMLInputElement>('API key');
  const baseUrl = screen.getByRole<HTMLInputElement>('textbox', { name: 'API base URL' });
  const group = screen.getByRole('radiogroup', { name: 'Provider' });
  return { user, key, baseUrl, group };
}

const radio = (name: string) => screen.getByRole<HTMLInputElement>('radio', { name });

describe('provider choice on the options page', () => {
  it('offers Replicate (chosen by default) and Black Forest Labs', async () => {
    await renderLoaded();
    expect(radio('Replicate').checked).toBe(true);
    expect(radio('Black Forest Labs').checked).toBe(false);
  });

  it('swaps the base URL, key and key hint with the provider, and brings the Replicate key back', async () => {
    await setApiKey('r8_mine', 'replicate');
    const { user, key, baseUrl } = await renderLoaded();
    expect(key.value).toBe('r8_mine');

    await user.click(radio('Black Forest Labs'));
    expect(baseUrl.value).toBe('https://api.bfl.ai/v1');
    expect(key.value).toBe('');
    expect(key.placeholder).toBe('bfl_…');
    expect(screen.getByRole('link', { name: 'dashboard.bfl.ai' })).toBeTruthy();
    await user.type(key, 'bfl_typed');

    await user.click(radio('Replicate'));
    expect(baseUrl.value).toBe('https://api.replicate.com/v1');
    expect(key.value).toBe('r8_mine');
    await user.click(radio('Black Forest Labs'));
    expect(key.value).toBe('bfl_typed');
  });

  it('saves the provider with its key and keeps the other provider’s key', async () => {
    await setApiKey('r8_mine', 'replicate');
    const { user, key } = await renderLoaded();
    await user.click(radio('Black Forest Labs'));
    await user.type(key, 'bfl_new');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(await getSettings()).toMatchObject({ provider: 'bfl', baseUrl: 'https://api.bfl.ai/v1' });
    expect(await getApiKey('bfl')).toBe('bfl_new');
    expect(await getApiKey('replicate')).toBe('r8_mine');
  });

  it('keeps a Replicate proxy’s base URL while Black Forest Labs is saved, and shows it again on switching back', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    await saveSettings({ ...DEFAULT_SETTINGS, baseUrl: 'https://proxy.example.com/v1' });
    await setApiKey('r8_mine', 'replicate');
    const { user, key } = await renderLoaded();
    await user.click(radio('Black Forest Labs'));
    await user.type(key, 'bfl_new');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(await getSettings()).toMatchObject({ provider: 'bfl', baseUrl: 'https://api.bfl.ai/v1', otherBaseUrls: { replicate: 'https://proxy.example.com/v1' } });

    cleanup();
    const reopened = await renderLoaded();
    await reopened.user.click(radio('Replicate'));
    expect(reopened.baseUrl.value).toBe('https://proxy.example.com/v1');
    expect(reopened.key.value).toBe('r8_mine');
  });

  it('asks for access to a Black Forest Labs base URL outside bfl.ai, and explains a refusal', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    const { user, key, baseUrl } = await renderLoaded();
    await user.click(radio('Black Forest Labs'));
    await user.type(key, 'bfl_new');
    await user.clear(baseUrl);
    await user.type(baseUrl, 'https://bfl-proxy.example.com/v1');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/Permission to reach https:\/\/bfl-proxy\.example\.com was not granted, so nothing was saved/);
    expect(request).toHaveBeenCalledWith({ origins: ['https://bfl-proxy.example.com/*'] });
    expect((await getSettings()).provider).toBe('replicate');
    expect(await getApiKey('bfl')).toBeUndefined();
  });

  it('saves a regional Black Forest Labs endpoint without asking, as the manifest covers *.bfl.ai', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    const { user, key, baseUrl } = await renderLoaded();
    await user.click(radio('Black Forest Labs'));
    await user.type(key, 'bfl_new');
    await user.clear(baseUrl);
    await user.type(baseUrl, 'https://api.eu.bfl.ai/v1');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(request).not.toHaveBeenCalled();
    expect(await getSettings()).toMatchObject({ provider: 'bfl', baseUrl: 'https://api.eu.bfl.ai/v1' });
  });

  it('shows the saved provider with its own key and base URL when the page opens', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, provider: 'bfl', baseUrl: 'https://api.eu.bfl.ai/v1' });
    await setApiKey('bfl_saved', 'bfl');
    await setApiKey('r8_other', 'replicate');
    const { key, baseUrl } = await renderLoaded();
    expect(radio('Black Forest Labs').checked).toBe(true);
    expect(key.value).toBe('bfl_saved');
    expect(baseUrl.value).toBe('https://api.eu.bfl.ai/v1');
  });

  it('refuses a Replicate token for Black Forest Labs before sending anything', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const { user, key } = await renderLoaded();
    await user.click(radio('Black Forest Labs'));
    await user.type(key, 'r8_wrong_place');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByText(/This is a Replicate token/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await getApiKey('bfl')).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });

  it('tests a Black Forest Labs key by its credits', async () => {
    const sent: BackgroundMessage[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
      sent.push(message);
      return { ok: true, username: 'Black Forest Labs', credits: 1234.5 };
    }) as never);
    const { user, key } = await renderLoaded();
    await user.click(radio('Black Forest Labs'));
    await user.type(key, 'bfl_typed');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Connected — 1,234.5 credits'));
    expect(sent).toEqual([{ type: 'bg:test-connection', provider: 'bfl', baseUrl: 'https://api.bfl.ai/v1', apiKey: 'bfl_typed' }]);
  });
});
