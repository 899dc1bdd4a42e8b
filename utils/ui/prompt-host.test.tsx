// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BackgroundMessage, PromptContext } from '../messages';
import { stubLoaded } from '../page/testing/stub-layout';
import { PRESET_UI_NAME, PROMPT_UI_NAME, registerPromptScript } from './prompt-host';

const open = { type: 'page:open-prompt', token: 'tok-1', srcUrl: 'https://example.com/cat.png' };
const contexts: ContentScriptContext[] = [];
let sent: BackgroundMessage[] = [];
let context: PromptContext;

function newContext(): ContentScriptContext {
  const ctx = new ContentScriptContext('prompt');
  contexts.push(ctx);
  return ctx;
}

function hosts(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(PROMPT_UI_NAME)];
}

function dialogIn(host: HTMLElement | undefined) {
  if (!host?.shadowRoot) throw new Error('no prompt box on the page');
  // Testing Library refuses a ShadowRoot as a container: search from the element WXT mounts into.
  const container = host.shadowRoot.lastElementChild;
  if (!(container instanceof HTMLElement)) throw new Error('empty shadow root');
  return within(container).getByRole('dialog', { name: 'Edit with Kontext' });
}

beforeEach(() => {
  sent = [];
  context = { hasKey: true, aspectRatio: 'match_input_image', outputFormat: 'png' };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
    sent.push(message);
    return message.type === 'bg:prompt-context' ? context : undefined;
  }) as never);
});

afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort();
  document.body.innerHTML = '';
});

describe('the injected prompt script', () => {
  it('opens the prompt box in a shadow root when the background asks, for that menu click', async () => {
    registerPromptScript(newContext(), '.kx-dialog{}');
    await fakeBrowser.runtime.onMessage.trigger(open, {}, () => {});

    const dialog = await waitFor(() => dialogIn(hosts()[0]));
    expect(hosts()[0]?.shadowRoot?.mode).toBe('open');
    expect(within(dialog).getByRole('textbox', { name: 'Edit instruction' })).toBeTruthy();
    await waitFor(() => expect(sent).toContainEqual({ type: 'bg:prompt-context', source: { kind: 'selection', token: 'tok-1' } }));
  });

  it('inlines its stylesheet into the shadow root', async () => {
    registerPromptScript(newContext(), '.kx-dialog{color:rebeccapurple}');
    await fakeBrowser.runtime.onMessage.trigger(open, {}, () => {});
    const styles = [...(hosts()[0]?.shadowRoot?.querySelectorAll('style') ?? [])].map((s) => s.textContent).join('');
    expect(styles).toContain('rebeccapurple');
  });

  it('ignores messages that are not a valid page:open-prompt', async () => {
    registerPromptScript(newContext(), '');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page:open-prompt', srcUrl: 'x' }, {}, () => {});
    await fakeBrowser.runtime.onMessage.trigger({ type: 'bg:wake' }, {}, () => {});
    expect(hosts()).toHaveLength(0);
  });

  it('does nothing on a second injection while the first copy is live', async () => {
    const ctx = newContext();
    expect(registerPromptScript(ctx, '')).toBe(true);
    expect(registerPromptScript(ctx, '')).toBe(false);
    await fakeBrowser.runtime.onMessage.trigger(open, {}, () => {});
    expect(hosts()).toHaveLength(1);
  });

  it('keeps exactly one listener and one box when injected again', async () => {
    registerPromptScript(newContext(), '');
    // Constructing the second context invalidates the first (WXT's "script started" event).
    expect(registerPromptScript(newContext(), '')).toBe(true);
    await fakeBrowser.runtime.onMessage.trigger(open, {}, () => {});
    expect(hosts()).toHaveLength(1);
    await fakeBrowser.runtime.onMessage.trigger({ ...open, token: 'tok-2' }, {}, () => {});
    expect(hosts()).toHaveLength(1);
  });

  it('removes the box when it closes with Escape', async () => {
    registerPromptScript(newContext(), '');
    await fakeBrowser.runtime.onMessage.trigger(open, {}, () => {});
    const dialog = await waitFor(() => dialogIn(hosts()[0]));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Edit instruction' }), '{Escape}');
    await waitFor(() => expect(hosts()).toHaveLength(0));
  });

  it('tears the box down when the content-script context is invalidated', async () => {
    const ctx = newContext();
    registerPromptScript(ctx, '');
    await fakeBrowser.runtime.onMessage.trigger(open, {}, () => {});
    expect(hosts()).toHaveLength(1);
    ctx.abort();
    expect(hosts()).toHaveLength(0);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks the background to open the options page when the key is missing', async () => {
    context = { ...context, hasKey: false };
    registerPromptScript(newContext(), '');
    await fakeBrowser.runtime.onMessage.trigger(open, {}, () => {});
    const dialog = await waitFor(() => dialogIn(hosts()[0]));
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Open settings' }));
    expect(sent).toContainEqual({ type: 'bg:open-options' });
  });

  it('tells the background about the clicked picture before showing the box', async () => {
    document.body.innerHTML = '<img src="https://example.com/cat.png" alt="cat">';
    registerPromptScript(newContext(), '');
    await fakeBrowser.runtime.onMessage.trigger(open, {}, () => {});
    const described = sent.find((m) => m.type === 'bg:set-target');
    expect(described).toMatchObject({ type: 'bg:set-target', token: 'tok-1', target: { element: 'img' } });
    expect(described?.type === 'bg:set-target' && described.target.candidates.map((c) => c.url)).toContain('https://example.com/cat.png');
  });

  it('runs a preset without a prompt box: describes the picture first, then asks for the edit, in a note that leaves the page usable', async () => {
    document.body.innerHTML = '<img src="https://example.com/cat.png" alt="cat">';
    registerPromptScript(newContext(), '');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page:run-preset', token: 'tok-3', srcUrl: 'https://example.com/cat.png', presetName: 'Watercolor painting' }, {}, () => {});

    const host = document.querySelector<HTMLElement>(PRESET_UI_NAME);
    const container = host?.shadowRoot?.lastElementChild;
    if (!(container instanceof HTMLElement)) throw new Error('no preset note on the page');
    expect(await within(container).findByRole('region', { name: 'Watercolor painting' })).toBeTruthy();
    await waitFor(() => expect(sent.map((m) => m.type)).toEqual(['bg:set-target', 'bg:run-preset']));
    expect(sent[0]).toMatchObject({ token: 'tok-3', target: { element: 'img' } });
    expect(sent[1]).toEqual({ type: 'bg:run-preset', token: 'tok-3' });
    expect(hosts()).toHaveLength(0);
    expect(within(container).queryByRole('dialog')).toBeNull();
  });

  it('shows the picker for "Pick an image to edit", and Escape leaves it without a prompt box', async () => {
    registerPromptScript(newContext(), '');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page:pick', token: 'tok-9' }, {}, () => {});
    const host = document.querySelector<HTMLElement>('kontext-picker');
    const container = host?.shadowRoot?.lastElementChild;
    if (!(container instanceof HTMLElement)) throw new Error('no picker on the page');
    const picker = await within(container).findByRole('dialog', { name: 'Pick an image to edit' });
    await userEvent.type(picker, '{Escape}');
    await waitFor(() => expect(document.querySelector('kontext-picker')).toBeNull());
    expect(hosts()).toHaveLength(0);
  });

  it('hides its layer for the screenshot and shows it again, only for its own token', async () => {
    registerPromptScript(newContext(), '');
    await fakeBrowser.runtime.onMessage.trigger(open, {}, () => {});
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page:screenshot', token: 'other', phase: 'hide' }, {}, () => {});
    expect(hosts()[0]?.style.opacity).toBe('');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page:screenshot', token: 'tok-1', phase: 'hide' }, {}, () => {});
    expect(hosts()[0]?.style.opacity).toBe('0');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page:screenshot', token: 'tok-1', phase: 'show' }, {}, () => {});
    expect(hosts()[0]?.style.opacity).toBe('');
  });

  it('replaces the picture of a menu click on request, also after a later injection, and restores it', async () => {
    document.body.innerHTML = '<img id="cat" src="https://example.com/cat.png">';
    // Looks decoded at once: happy-dom loads no image, the replace would wait for its load event.
    stubLoaded(document.getElementById('cat') as HTMLImageElement, 1, 1);
    registerPromptScript(newContext(), '.kx-dialog{}');
    await fakeBrowser.runtime.onMessage.trigger(open, {}, () => {});
    // The next menu click injects a fresh copy; the replaced pictures live on the isolated world's global.
    registerPromptScript(newContext(), '.kx-dialog{}');
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const replaced = await fakeBrowser.runtime.onMessage.trigger({ type: 'page:replace', jobId: 'j1', token: 'tok-1', dataUri: png }, {}, () => {});
    expect(replaced).toContainEqual({ ok: true });
    expect(document.getElementById('cat')?.getAttribute('src')).toMatch(/^blob:/);
    const restored = await fakeBrowser.runtime.onMessage.trigger({ type: 'page:restore', jobId: 'j1' }, {}, () => {});
    expect(restored).toContainEqual({ ok: true });
    expect(document.body.innerHTML).toBe('<img id="cat" src="https://example.com/cat.png">');
  });

  it('answers a pixel request for another click with an error, not pixels', async () => {
    registerPromptScript(newContext(), '');
    await fakeBrowser.runtime.onMessage.trigger(open, {}, () => {});
    const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type: 'page:read-pixels', token: 'other' }, {}, () => {});
    expect(reply).toEqual({ error: 'the prompt box was closed' });
  });
});
