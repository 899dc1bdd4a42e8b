// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getApiKey, isKeySessionOnly, setApiKey } from '../utils/secret-store';
import { KeySessionOption } from './KeySessionOption';

afterEach(cleanup);

describe('KeySessionOption', () => {
  it('moves the saved key to the browser session when ticked', async () => {
    await setApiKey('r8_shared');
    render(<KeySessionOption />);
    const box = screen.getByRole('checkbox', { name: 'Remember the key only until the browser closes' });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    await userEvent.click(box);
    await waitFor(async () => expect(await isKeySessionOnly()).toBe(true));
    expect((await fakeBrowser.storage.session.get('apiKey')).apiKey).toBe('r8_shared');
    expect((box as HTMLInputElement).checked).toBe(true);
    expect(await getApiKey()).toBe('r8_shared');
  });
});
