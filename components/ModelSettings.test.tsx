// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApiKey } from '../utils/secret-store';
import { DEFAULT_SETTINGS } from '../utils/settings';
import { getSettings, saveSettings } from '../utils/settings-store';
import { OptionsApp } from './OptionsApp';

const DEV = 'black-forest-labs/flux-kontext-dev';
const DEV_LABELS = ['Steps', 'Guidance', 'Go fast', 'JPEG quality', 'Turn off the safety checker'];

async function renderLoaded() {
  const user = userEvent.setup();
  render(<OptionsApp />);
  await screen.findByLabelText('API key');
  return user;
}

async function replace(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  if (text) await user.type(input, text);
}

beforeEach(async () => {
  await setApiKey('r8_saved');
});
afterEach(cleanup);

describe('model settings', () => {
  it('show only the chosen model’s inputs: dev’s sampling options instead of safety tolerance and upsampling', async () => {
    const user = await renderLoaded();
    expect(screen.getByRole('spinbutton', { name: 'Safety tolerance' })).toBeTruthy();
    for (const label of DEV_LABELS) expect(screen.queryByLabelText(label)).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), DEV);

    expect(screen.queryByLabelText('Safety tolerance')).toBeNull();
    expect(screen.queryByLabelText('Prompt upsampling')).toBeNull();
    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Steps' }).value).toBe('30');
    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Guidance' }).value).toBe('2.5');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Go fast' }).checked).toBe(true);
    expect(screen.getByRole('option', { name: /Kontext \[dev\] — \$0\.025 per edit/ })).toBeTruthy();
  });

  it('offer dev only the ratios it takes, moving a saved 2:1 back to the image’s own', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, aspectRatio: '2:1' });
    const user = await renderLoaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), DEV);
    const ratio = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Aspect ratio' });
    expect(ratio.value).toBe('match_input_image');
    expect([...ratio.options].map((o) => o.value)).not.toContain('2:1');
  });

  it('save dev’s options (what differs from its defaults) and read them back', async () => {
    const user = await renderLoaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), DEV);
    await replace(user, 'Steps', '20');
    await user.click(screen.getByRole('checkbox', { name: 'Go fast' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('status')).textContent).toBe('Saved.');
    const saved = await getSettings();
    expect(saved.model).toBe(DEV);
    expect(saved.modelOptions).toEqual({ [DEV]: { num_inference_steps: 20, go_fast: false } });

    cleanup();
    await renderLoaded();
    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Steps' }).value).toBe('20');
  });

  it('refuse steps out of dev’s range next to the field, saving nothing', async () => {
    const user = await renderLoaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), DEV);
    await replace(user, 'Steps', '80');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const steps = screen.getByRole('spinbutton', { name: 'Steps' });
    expect(steps.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Steps: use 4 to 50.')).toBeTruthy();
    expect(document.activeElement).toBe(steps);
    expect((await getSettings()).model).toBe(DEFAULT_SETTINGS.model);
  });
});
