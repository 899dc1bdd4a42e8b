// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundMessage } from '../utils/messages';
import { otherModelSpec } from '../utils/models/testing/other-model';
import { setApiKey } from '../utils/secret-store';
import { DEFAULT_SETTINGS } from '../utils/settings';
import { getSettings } from '../utils/settings-store';
import { OptionsApp } from './OptionsApp';

const ID = 'someone/restyle';

function fakeBackground(answer: (name: string) => unknown) {
  const reads: BackgroundMessage[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
    if (message.type !== 'bg:read-model') return undefined;
    reads.push(message);
    return answer(message.model);
  }) as never);
  return reads;
}

async function renderLoaded() {
  const user = userEvent.setup();
  render(<OptionsApp />);
  await screen.findByLabelText('API key');
  return user;
}

beforeEach(async () => {
  await setApiKey('r8_saved');
});
afterEach(cleanup);

describe('Other model on the options page', () => {
  it('reads a model’s inputs with the typed key, shows a form built from them, and saves model, inputs and values', async () => {
    const reads = fakeBackground(() => ({ ok: true, spec: otherModelSpec() }));
    const user = await renderLoaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'Other model…');
    expect(screen.queryByLabelText('Safety tolerance')).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Other model' }), ID);
    await user.click(screen.getByRole('button', { name: 'Read its inputs' }));

    expect(await screen.findByText(`Read 4 inputs of ${ID}.`)).toBeTruthy();
    expect(reads).toEqual([{ type: 'bg:read-model', model: ID, baseUrl: DEFAULT_SETTINGS.baseUrl, apiKey: 'r8_saved' }]);
    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Strength' }).value).toBe('0.6');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Style' }).value).toBe('none');
    expect(screen.getByRole('checkbox', { name: 'Sharpen' })).toBeTruthy();
    expect(screen.queryByLabelText('Seed')).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Aspect ratio' })).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Style' }), 'film');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved.');
    const saved = await getSettings();
    expect(saved).toMatchObject({ model: ID, otherModel: otherModelSpec(), modelOptions: { [ID]: { style: 'film' } } });

    cleanup();
    await renderLoaded();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Model' }).value).toBe('other');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Other model' }).value).toBe(ID);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Style' }).value).toBe('film');
  });

  it('says why a model cannot be used and saves no unread model', async () => {
    fakeBackground((name) => ({ ok: false, message: `${name} takes no image input, so it cannot edit a picture.` }));
    const user = await renderLoaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'Other model…');
    await user.type(screen.getByRole('textbox', { name: 'Other model' }), 'someone/text-only');
    await user.click(screen.getByRole('button', { name: 'Read its inputs' }));
    expect(await screen.findByText('someone/text-only takes no image input, so it cannot edit a picture.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('textbox', { name: 'Other model' }).getAttribute('aria-invalid')).toBe('true');
    expect((await getSettings()).model).toBe(DEFAULT_SETTINGS.model);
  });

  it('keeps the field while a built-in model’s name is typed, and selects that model once read', async () => {
    const dev = 'black-forest-labs/flux-kontext-dev';
    fakeBackground(() => ({ ok: true, spec: { ...otherModelSpec(), id: dev, label: dev } }));
    const user = await renderLoaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'Other model…');
    await user.type(screen.getByRole('textbox', { name: 'Other model' }), dev);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Model' }).value).toBe('other');
    await user.click(screen.getByRole('button', { name: 'Read its inputs' }));
    await vi.waitFor(() => expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Model' }).value).toBe(dev));
    expect(screen.getByRole('spinbutton', { name: 'Steps' })).toBeTruthy();
  });
});
