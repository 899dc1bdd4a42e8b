// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakePresetArea } from '../utils/presets/fake-preset-area';
import { createPresetStore } from '../utils/presets/preset-store';
import { PresetsPanel } from './PresetsPanel';

async function setup(names: string[] = ['Black and white', 'Sepia', 'Cartoon']) {
  const fake = createFakePresetArea();
  let n = 0;
  const store = createPresetStore(fake.area, () => `p${++n}`);
  for (const name of names) await store.add({ name, instruction: `Make it ${name.toLowerCase()}.` });
  const user = userEvent.setup();
  render(<PresetsPanel store={store} />);
  const region = screen.getByRole('region', { name: 'Presets' });
  if (names.length) await within(region).findByRole('list', { name: 'Presets' });
  return { user, store, fake, region };
}

const shownNames = () => within(screen.getByRole('list', { name: 'Presets' })).getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent);

afterEach(cleanup);

describe('PresetsPanel', () => {
  it('lists the presets in their order', async () => {
    await setup();
    expect(shownNames()).toEqual(['Black and white', 'Sepia', 'Cartoon']);
    expect(screen.getByText('Make it sepia.')).toBeTruthy();
  });

  it('adds a preset with its optional choices', async () => {
    const { user, store } = await setup(['Sepia']);
    await user.click(screen.getByRole('button', { name: 'Add preset' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Square');
    await user.type(screen.getByRole('textbox', { name: 'Instruction' }), 'Crop to a square.');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Aspect ratio' }), '1:1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Output format' }), 'jpg');
    await user.click(screen.getByRole('button', { name: 'Save preset' }));
    expect(await screen.findByText('Added “Square”.')).toBeTruthy();
    expect(shownNames()).toEqual(['Sepia', 'Square']);
    expect((await store.list())[1]).toEqual({ id: 'p2', name: 'Square', instruction: 'Crop to a square.', aspectRatio: '1:1', outputFormat: 'jpg' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add preset' }));
  });

  it('shows what is missing next to the field, and saves nothing', async () => {
    const { user, store } = await setup(['Sepia']);
    await user.click(screen.getByRole('button', { name: 'Add preset' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), '   ');
    await user.click(screen.getByRole('button', { name: 'Save preset' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Give the preset a name.')).toBeTruthy();
    expect(screen.getByText('Describe the edit.')).toBeTruthy();
    expect(document.activeElement).toBe(name);
    expect(await store.list()).toHaveLength(1);
  });

  it('edits a preset inline and keeps its place', async () => {
    const { user, store } = await setup();
    await user.click(screen.getByRole('button', { name: 'Edit Sepia' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect((name as HTMLInputElement).value).toBe('Sepia');
    await user.clear(name);
    await user.type(name, 'Old photo');
    await user.click(screen.getByRole('button', { name: 'Save preset' }));
    expect(await screen.findByText('Saved “Old photo”.')).toBeTruthy();
    expect(shownNames()).toEqual(['Black and white', 'Old photo', 'Cartoon']);
    expect((await store.list())[1]?.id).toBe('p2');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Old photo' }));
  });

  it('reorders with Move up and Move down from the keyboard, the focus following the preset', async () => {
    const { user, store } = await setup();
    screen.getByRole('button', { name: 'Move up Cartoon' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByText('Moved “Cartoon” up.');
    expect(shownNames()).toEqual(['Black and white', 'Cartoon', 'Sepia']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move up Cartoon' }));
    await user.keyboard(' ');
    await screen.findByText('Moved “Cartoon” up.');
    await vi.waitFor(() => expect(shownNames()).toEqual(['Cartoon', 'Black and white', 'Sepia']));
    // At the top, Move up is disabled: the focus goes to Move down of the same preset.
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move up Cartoon' }).disabled).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down Cartoon' }));
    expect((await store.list()).map((p) => p.name)).toEqual(['Cartoon', 'Black and white', 'Sepia']);
  });

  it('deletes a preset and can undo it, putting it back in its place', async () => {
    const { user, store } = await setup();
    await user.click(screen.getByRole('button', { name: 'Delete Sepia' }));
    expect(await screen.findByText('Deleted “Sepia”.')).toBeTruthy();
    expect(shownNames()).toEqual(['Black and white', 'Cartoon']);
    await user.click(screen.getByRole('button', { name: 'Undo delete' }));
    expect(await screen.findByText('Restored “Sepia”.')).toBeTruthy();
    expect(shownNames()).toEqual(['Black and white', 'Sepia', 'Cartoon']);
    expect((await store.list()).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(screen.queryByRole('button', { name: 'Undo delete' })).toBeNull();
  });

  it('keeps the form open with a clear message when sync storage is full', async () => {
    const { user, fake, store } = await setup(['Sepia']);
    await user.click(screen.getByRole('button', { name: 'Add preset' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Square');
    await user.type(screen.getByRole('textbox', { name: 'Instruction' }), 'Crop to a square.');
    fake.control.failNextSet = new Error('QUOTA_BYTES quota exceeded');
    await user.click(screen.getByRole('button', { name: 'Save preset' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/sync storage is full/);
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('Square');
    expect(await store.list()).toHaveLength(1);
  });

  it('shows presets changed elsewhere (another tab or device)', async () => {
    const { store } = await setup(['Sepia']);
    await store.add({ name: 'From the laptop', instruction: 'x' });
    await vi.waitFor(() => expect(shownNames()).toEqual(['Sepia', 'From the laptop']));
  });

  it('says when there are no presets', async () => {
    await setup([]);
    expect(await screen.findByText('No presets yet.')).toBeTruthy();
  });
});
