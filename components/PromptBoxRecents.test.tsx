// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundMessage, PromptContext } from '../utils/messages';
import { PromptBox } from './PromptBox';

const recentInstructions = ['Make it snow', 'Sepia tone', 'Snowy mountains behind'];
const context: PromptContext = { hasKey: true, aspectRatio: '1:1', outputFormat: 'png', recentInstructions };

const summary = { width: 512, height: 512, bytes: 1000, type: 'image/png', via: 'result', sourceWidth: 512, sourceHeight: 512, sourceType: 'image/png', notes: [] };

function fakeBackground(reply: PromptContext = context) {
  const sent: BackgroundMessage[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
    sent.push(message);
    if (message.type === 'bg:prompt-context') return reply;
    if (message.type === 'bg:start-edit') return { ok: true, jobId: 'job-1' };
    if (message.type === 'bg:prepare-input') return { ok: true, summary };
    return undefined;
  }) as never);
  return { edits: () => sent.filter((m) => m.type === 'bg:start-edit') };
}

async function renderBox() {
  const onClose = vi.fn();
  render(<PromptBox source={{ kind: 'job', jobId: 'j1' }} onClose={onClose} onOpenSettings={vi.fn()} closeDelayMs={20} />);
  const list = await screen.findByRole('listbox', { name: 'Recent instructions' });
  return { onClose, list, field: screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Edit instruction' }) };
}

const options = () => within(screen.getByRole('listbox', { name: 'Recent instructions' })).getAllByRole('option');
const highlighted = () => options().filter((o) => o.getAttribute('aria-selected') === 'true').map((o) => o.textContent);

afterEach(cleanup);

describe('PromptBox recent instructions', () => {
  it('lists the recent instructions under the instruction, newest first', async () => {
    fakeBackground();
    await renderBox();
    expect(options().map((o) => o.textContent)).toEqual(recentInstructions);
    expect(screen.getByRole('button', { name: 'Start edit' })).toBeTruthy();
  });

  it('moves into the list on ArrowDown and puts the chosen one in the textbox on Enter, without starting', async () => {
    const user = userEvent.setup();
    const background = fakeBackground();
    const { list, field } = await renderBox();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(list);
    expect(highlighted()).toEqual(['Make it snow']);
    expect(list.getAttribute('aria-activedescendant')).toBe(options()[0]?.id);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(field.value).toBe('Sepia tone');
    expect(document.activeElement).toBe(field);
    expect(background.edits()).toEqual([]);
    // The picked instruction then starts with Enter, as typed ones do.
    await user.keyboard('{Enter}');
    expect(background.edits()).toMatchObject([{ request: { prompt: 'Sepia tone' } }]);
  });

  it('goes back to the textbox on ArrowUp from the first suggestion', async () => {
    const user = userEvent.setup();
    fakeBackground();
    const { field } = await renderBox();
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(document.activeElement).toBe(field);
    expect(highlighted()).toEqual([]);
    expect(screen.getByRole('listbox').getAttribute('aria-activedescendant')).toBeNull();
  });

  it('closes the list on Escape and keeps the prompt box open; Escape in the textbox still closes the box', async () => {
    const user = userEvent.setup();
    fakeBackground();
    const { onClose, field } = await renderBox();
    await user.keyboard('{ArrowDown}{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(field);
    expect(onClose).not.toHaveBeenCalled();
    // ArrowDown opens it again.
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('listbox', { name: 'Recent instructions' }));
    await user.keyboard('{Escape}{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('starts the typed instruction on Enter when no suggestion is highlighted', async () => {
    const user = userEvent.setup();
    const background = fakeBackground();
    await renderBox();
    await user.keyboard('Add a rainbow{Enter}');
    expect(background.edits()).toMatchObject([{ request: { prompt: 'Add a rainbow' } }]);
  });

  it('offers only the instructions containing what is typed', async () => {
    const user = userEvent.setup();
    fakeBackground();
    await renderBox();
    await user.keyboard('snow');
    expect(options().map((o) => o.textContent)).toEqual(['Make it snow', 'Snowy mountains behind']);
  });

  it('keeps ArrowDown for moving between lines when the caret is not on the last line', async () => {
    const user = userEvent.setup();
    fakeBackground();
    const { field } = await renderBox();
    await user.keyboard('one{Shift>}{Enter}{/Shift}two');
    field.setSelectionRange(1, 1);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(field);
  });

  it('picks a suggestion with a click', async () => {
    const user = userEvent.setup();
    fakeBackground();
    const { field } = await renderBox();
    await user.click(screen.getByRole('option', { name: 'Snowy mountains behind' }));
    expect(field.value).toBe('Snowy mountains behind');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('shows no list when there are no recent instructions', async () => {
    fakeBackground({ ...context, recentInstructions: [] });
    render(<PromptBox source={{ kind: 'job', jobId: 'j1' }} onClose={vi.fn()} onOpenSettings={vi.fn()} />);
    await screen.findByRole('button', { name: 'Start edit' });
    await vi.waitFor(() => expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalled());
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
