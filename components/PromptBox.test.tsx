// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundMessage, PrepareInputResult, PromptContext, StartEditResult } from '../utils/messages';
import type { PreparedSummary } from '../utils/selection-store';
import { PromptBox, STARTED_MESSAGE } from './PromptBox';

const readyContext: PromptContext = { hasKey: true, aspectRatio: '16:9', outputFormat: 'jpg', previewUrl: 'https://example.com/cat.png' };

const preparedSummary: PreparedSummary = {
  width: 1024, height: 768, bytes: 180_000, type: 'image/jpeg', via: 'background-fetch',
  sourceWidth: 2048, sourceHeight: 1536, sourceType: 'image/png', notes: ['Scaled down from 2048×1536 to 1024×768.'],
};

/** Answers the box's messages like the background would and records what it was sent. */
function fakeBackground(
  context: PromptContext | Promise<PromptContext>,
  startEdit: () => Promise<StartEditResult> = async () => ({ ok: true, jobId: 'job-1' }),
  prepared: PrepareInputResult = { ok: true, summary: preparedSummary },
) {
  const sent: BackgroundMessage[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
    sent.push(message);
    if (message.type === 'bg:prompt-context') return context;
    if (message.type === 'bg:start-edit') return startEdit();
    if (message.type === 'bg:prepare-input') return prepared;
    return undefined;
  }) as never);
  return { sent, edits: () => sent.filter((m) => m.type === 'bg:start-edit') };
}

/** A value the test hands over when it chooses (the background's answer, held back). */
function withheld<T>() {
  let release: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release: (value: T) => release(value) };
}

function renderBox(onClose = vi.fn(), onOpenSettings = vi.fn()) {
  render(<PromptBox source={{ kind: 'selection', token: 'tok-1' }} onClose={onClose} onOpenSettings={onOpenSettings} closeDelayMs={20} />);
  return { onClose, onOpenSettings };
}

afterEach(cleanup);

describe('PromptBox', () => {
  it('is a dialog named "Edit with Kontext" with the instruction focused and the defaults from the background', async () => {
    fakeBackground(readyContext);
    renderBox();
    const dialog = screen.getByRole('dialog', { name: 'Edit with Kontext' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Edit instruction' }));
    expect(await screen.findByRole('img', { name: /image you are editing/ })).toHaveProperty('src', readyContext.previewUrl);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Aspect ratio' }).value).toBe('16:9');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Output format' }).value).toBe('jpg');
  });

  it('starts the edit on Enter with the instruction and the chosen options, then confirms and closes', async () => {
    const user = userEvent.setup();
    const background = fakeBackground(readyContext);
    const { onClose } = renderBox();
    await screen.findByRole('img', { name: /image you are editing/ });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Aspect ratio' }), '1:1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Output format' }), 'png');
    await user.type(screen.getByRole('textbox', { name: 'Edit instruction' }), '  Make it snow  {Enter}');

    expect(background.edits()).toEqual([{
      type: 'bg:start-edit',
      request: { source: { kind: 'selection', token: 'tok-1' }, prompt: 'Make it snow', aspectRatio: '1:1', outputFormat: 'png' },
    }]);
    expect(await screen.findByText(STARTED_MESSAGE)).toBeTruthy();
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });

  it('starts an edit asked for with Enter while the box was still loading, once it may, and only once', async () => {
    const user = userEvent.setup();
    const context = withheld<PromptContext>();
    const background = fakeBackground(context.promise);
    renderBox();
    await user.type(screen.getByRole('textbox', { name: 'Edit instruction' }), 'Make it snow{Enter}{Enter}');
    expect(background.edits()).toEqual([]);

    await act(async () => context.release(readyContext));
    expect(await screen.findByText(STARTED_MESSAGE)).toBeTruthy();
    expect(background.edits()).toMatchObject([{ request: { prompt: 'Make it snow' } }]);
  });

  it('drops a start asked for while loading when the answer says it cannot start (no key)', async () => {
    const user = userEvent.setup();
    const context = withheld<PromptContext>();
    const background = fakeBackground(context.promise);
    renderBox();
    await user.type(screen.getByRole('textbox', { name: 'Edit instruction' }), 'Make it snow{Enter}');
    await act(async () => context.release({ ...readyContext, hasKey: false }));
    expect(await screen.findByText('Add your API key to start editing.')).toBeTruthy();
    expect(background.edits()).toEqual([]);
  });

  it('adds a new line on Shift+Enter instead of starting', async () => {
    const user = userEvent.setup();
    const background = fakeBackground(readyContext);
    renderBox();
    await screen.findByRole('img', { name: /image you are editing/ });
    const field = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Edit instruction' });
    await user.type(field, 'one{Shift>}{Enter}{/Shift}two');
    expect(field.value).toBe('one\ntwo');
    expect(background.edits()).toHaveLength(0);
  });

  it('refuses an empty instruction with a message next to the field and sends nothing', async () => {
    const user = userEvent.setup();
    const background = fakeBackground(readyContext);
    renderBox();
    await screen.findByRole('img', { name: /image you are editing/ });
    await user.type(screen.getByRole('textbox', { name: 'Edit instruction' }), '   ');
    await user.click(screen.getByRole('button', { name: 'Start edit' }));

    const field = screen.getByRole('textbox', { name: 'Edit instruction' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Describe the edit.').id).toBeTruthy();
    expect(field.getAttribute('aria-describedby')).toContain(screen.getByText('Describe the edit.').id);
    expect(background.edits()).toHaveLength(0);
  });

  it('closes on Escape', async () => {
    const user = userEvent.setup();
    fakeBackground(readyContext);
    const { onClose } = renderBox();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('explains a missing key, offers the settings, and cannot start', async () => {
    const user = userEvent.setup();
    const background = fakeBackground({ ...readyContext, hasKey: false });
    const { onOpenSettings } = renderBox();
    expect(await screen.findByText('Add your API key to start editing.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
    await user.type(screen.getByRole('textbox', { name: 'Edit instruction' }), 'Make it snow{Enter}');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Start edit' }).disabled).toBe(true);
    expect(background.edits()).toHaveLength(0);
  });

  it('shows a problem the background reports about the source', async () => {
    fakeBackground({ ...readyContext, problem: 'That menu click has expired. Right-click the image again.' });
    renderBox();
    expect((await screen.findByRole('alert')).textContent).toBe('That menu click has expired. Right-click the image again.');
  });

  it('shows a refusal as an alert and keeps the instruction for another try', async () => {
    const user = userEvent.setup();
    fakeBackground(readyContext, async () => ({ ok: false, message: 'The API key was refused.' }));
    const { onClose } = renderBox();
    await screen.findByRole('img', { name: /image you are editing/ });
    await user.type(screen.getByRole('textbox', { name: 'Edit instruction' }), 'Make it snow{Enter}');

    expect((await screen.findByRole('alert')).textContent).toBe('The API key was refused.');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Edit instruction' }).value).toBe('Make it snow');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Start edit' }).disabled).toBe(false);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('disables Start edit while the request is in flight so a second press cannot bill twice', async () => {
    const user = userEvent.setup();
    let answer: (result: StartEditResult) => void = () => {};
    const background = fakeBackground(readyContext, () => new Promise((resolve) => { answer = resolve; }));
    renderBox();
    await screen.findByRole('img', { name: /image you are editing/ });
    await user.type(screen.getByRole('textbox', { name: 'Edit instruction' }), 'Make it snow{Enter}');

    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Start edit' });
    expect(button.disabled).toBe(true);
    await user.keyboard('{Enter}');
    await user.click(button);
    expect(background.edits()).toHaveLength(1);
    await act(async () => answer({ ok: true, jobId: 'job-1' }));
    expect(await screen.findByText(STARTED_MESSAGE)).toBeTruthy();
  });

  it('keeps Tab and Shift+Tab inside the dialog', async () => {
    const user = userEvent.setup();
    fakeBackground(readyContext);
    renderBox();
    await screen.findByRole('img', { name: /image you are editing/ });
    const close = screen.getByRole('button', { name: 'Close' });
    const start = screen.getByRole('button', { name: 'Start edit' });
    start.focus();
    await user.tab();
    expect(document.activeElement).toBe(close);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(start);
  });

  it('returns focus to where it was when it closes', async () => {
    fakeBackground(readyContext);
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const view = render(<PromptBox source={{ kind: 'job', jobId: 'j1' }} onClose={() => {}} onOpenSettings={() => {}} />);
    expect(document.activeElement).not.toBe(opener);
    view.unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it('shows what will be sent before the user pays: size, format, bytes and what was done to it', async () => {
    fakeBackground(readyContext);
    renderBox();
    const facts = await screen.findByRole('group', { name: 'Image to send' });
    expect(facts.textContent).toContain('Sends 1024 × 768 JPEG, 180 kB');
    expect(facts.textContent).toContain('Scaled down from 2048×1536 to 1024×768.');
  });

  it('shows the prepared copy as the preview once it is ready', async () => {
    fakeBackground(readyContext, undefined, { ok: true, summary: preparedSummary, previewUri: 'data:image/jpeg;base64,AAAA' });
    renderBox();
    await screen.findByRole('group', { name: 'Image to send' });
    expect(screen.getByRole('img', { name: /image you are editing/ })).toHaveProperty('src', 'data:image/jpeg;base64,AAAA');
  });

  it('says why an image cannot be sent and does not let the user start (and pay for) a doomed edit', async () => {
    const user = userEvent.setup();
    const background = fakeBackground(readyContext, undefined, { ok: false, message: 'The JPEG file is damaged or incomplete.' });
    renderBox();
    expect((await screen.findByRole('alert')).textContent).toBe('The JPEG file is damaged or incomplete.');
    await user.type(screen.getByRole('textbox', { name: 'Edit instruction' }), 'Make it snow{Enter}');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Start edit' }).disabled).toBe(true);
    expect(background.edits()).toEqual([]);
  });

  it('offers access to all sites when the picture could only be read from the screen, and opens that setting', async () => {
    const user = userEvent.setup();
    const background = fakeBackground(readyContext, undefined, {
      ok: true, summary: { ...preparedSummary, via: 'screenshot' }, offerSiteAccess: true,
    });
    renderBox();
    await user.click(await screen.findByRole('button', { name: 'Allow access to all sites…' }));
    expect(background.sent).toContainEqual({ type: 'bg:open-options', section: 'site-access' });
  });

  it('does not offer it otherwise', async () => {
    fakeBackground(readyContext);
    renderBox();
    await screen.findByRole('group', { name: 'Image to send' });
    expect(screen.queryByRole('button', { name: 'Allow access to all sites…' })).toBeNull();
  });
});
