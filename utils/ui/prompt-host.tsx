import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ImagePicker } from '../../components/ImagePicker';
import { PagePrompt } from '../../components/PagePrompt';
import { PresetRun } from '../../components/PresetRun';
import { PageMessage } from '../messages';
import type { PixelReadResult } from '../page/image-target';
import { livePageDeps, rememberTarget, replaceOnPage, restoreOnPage } from '../page/replace-image-registry';
import { sendToBackground } from '../send-message';
import { describeTarget, findClicked, readPixels } from './page-target';

/** Tag name of the element hosting the prompt box's shadow root. */
export const PROMPT_UI_NAME = 'kontext-prompt';
/** Tag name of the element hosting the picker's shadow root. */
export const PICKER_UI_NAME = 'kontext-picker';
/** Tag name of the element hosting a preset run's note. */
export const PRESET_UI_NAME = 'kontext-preset';
/** Above anything a page can stack (the largest 32-bit z-index). */
const TOP_Z_INDEX = 2_147_483_647;
/**
 * Marks the live copy of this script in the tab's isolated world. The background may inject the
 * script again on every menu click; the isolated world (and this global) outlives each injection.
 */
const ACTIVE_SCRIPT = Symbol.for('edit-with-kontext.prompt-script');

type Globals = typeof globalThis & { [ACTIVE_SCRIPT]?: ContentScriptContext };

/** The picture of the current menu click. */
interface Chosen {
  token: string;
  element?: Element;
}

/**
 * Starts listening for the background's page messages unless a live copy of this script already
 * does; returns whether this call took over. Note: WXT's ContentScriptContext invalidates the previous
 * context of the same script as soon as a new one is constructed (it dispatches a "script started"
 * event), so in practice a second injection finds the first one already invalidated and replaces it:
 * there is always exactly one listener and one prompt box.
 */
export function registerPromptScript(ctx: ContentScriptContext, css: string, pickerCss = ''): boolean {
  const globals = globalThis as Globals;
  if (globals[ACTIVE_SCRIPT]?.isValid) return false;
  globals[ACTIVE_SCRIPT] = ctx;
  ctx.onInvalidated(() => {
    if (globals[ACTIVE_SCRIPT] === ctx) delete globals[ACTIVE_SCRIPT];
  });

  let opened: ShadowRootContentScriptUi<Root> | undefined;
  let openings = 0;
  let chosen: Chosen | undefined;

  function closeOpened(): void {
    opened?.remove();
    opened = undefined;
  }

  /** Makes `token`'s picture the chosen one and tells the background about it; returns the opening's number. */
  async function choose(token: string, element: Element | undefined, srcUrl?: string): Promise<number> {
    const mine = ++openings;
    closeOpened();
    chosen = { token, element };
    rememberTarget(token, element);
    const target = describeTarget(element, srcUrl);
    // Awaited before anything shows or starts: the background prepares the picture from this.
    if (target) await sendToBackground({ type: 'bg:set-target', token, target }).catch(() => undefined);
    return mine;
  }

  /** Mounts a layer unless a newer menu click (or an invalidation) arrived while it was being created. */
  function show(mine: number, ui: ShadowRootContentScriptUi<Root>): void {
    if (mine !== openings || ctx.isInvalid) return;
    opened = ui;
    ui.mount();
  }

  /** Closes a layer after the current event finishes: a close click is still being dispatched by React. */
  function closeLater(ui: () => ShadowRootContentScriptUi<Root>): () => void {
    return () => queueMicrotask(() => {
      ui().remove();
      if (opened === ui()) opened = undefined;
    });
  }

  /** Shows the prompt box beside the picture. */
  async function openFor(token: string, element: Element | undefined, srcUrl?: string): Promise<void> {
    const mine = await choose(token, element, srcUrl);
    const anchor = () => (element?.isConnected ? element.getBoundingClientRect() : undefined);
    const ui: ShadowRootContentScriptUi<Root> = await createPromptUi(ctx, css, token, anchor, closeLater(() => ui));
    show(mine, ui);
  }

  /** Starts the preset the menu click chose and shows how it went in a corner note. */
  async function runPreset(token: string, element: Element | undefined, srcUrl: string, presetName: string): Promise<void> {
    const mine = await choose(token, element, srcUrl);
    const content = (close: () => void) => (
      <PresetRun token={token} presetName={presetName} onClose={close} onOpenSettings={openOptions} onRaiseCap={openSpending} />
    );
    const ui: ShadowRootContentScriptUi<Root> = await createLayerUi(ctx, PRESET_UI_NAME, css, content(closeLater(() => ui)), 'overlay');
    show(mine, ui);
  }

  /** Shows the picker; a picked picture gets the prompt box, Escape leaves without anything. */
  async function openPicker(token: string): Promise<void> {
    const mine = ++openings;
    closeOpened();
    chosen = undefined;
    const ui: ShadowRootContentScriptUi<Root> = await createPickerUi(ctx, pickerCss, {
      onPick: (element) => {
        // Removed after the click that picked has been dispatched by React, not during it (and no longer
        // `opened`, so the prompt box opening now does not remove it at once).
        if (opened === ui) opened = undefined;
        queueMicrotask(() => ui.remove());
        void openFor(token, element);
      },
      onCancel: closeLater(() => ui),
    });
    show(mine, ui);
  }

  function setHidden(hidden: boolean): Promise<{ ok: true }> {
    const host = opened?.shadowHost;
    // Opacity, not visibility: the instruction keeps its focus and caret while the screenshot is taken.
    if (host) host.style.opacity = hidden ? '0' : '';
    // Two frames: the style is applied, then composited, before the background captures the tab.
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ok: true }))));
  }

  function handle(message: PageMessage): Promise<unknown> | undefined {
    switch (message.type) {
      case 'page:open-prompt':
        return openFor(message.token, findClicked(document, message.srcUrl), message.srcUrl).then(() => ({ ok: true }));
      case 'page:run-preset':
        return runPreset(message.token, findClicked(document, message.srcUrl), message.srcUrl, message.presetName).then(() => ({ ok: true }));
      case 'page:pick':
        return openPicker(message.token).then(() => ({ ok: true }));
      case 'page:read-pixels':
        if (chosen?.token !== message.token) return Promise.resolve<PixelReadResult>({ error: 'the prompt box was closed' });
        return readPixels(chosen.element);
      case 'page:screenshot':
        if (chosen?.token !== message.token) return undefined;
        return setHidden(message.phase === 'hide');
      case 'page:replace':
        return replaceOnPage(message, livePageDeps(document));
      case 'page:restore':
        return Promise.resolve(restoreOnPage(message.jobId, livePageDeps(document)));
    }
  }

  const onMessage = (raw: unknown) => {
    const parsed = PageMessage.safeParse(raw);
    return parsed.success ? handle(parsed.data) : undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return true;
}

/**
 * A React tree in its own open shadow root over the whole page: page CSS cannot restyle it, and with
 * `isolateEvents` the page's own shortcuts (j/k, /, s…) never see the keys and clicks meant for it.
 * Named "kontext-…", which the picker never offers as a picture.
 */
function createLayerUi(ctx: ContentScriptContext, name: string, css: string, content: ReactNode, position: 'modal' | 'overlay' = 'modal') {
  return createShadowRootUi<Root>(ctx, {
    name,
    // 'overlay' for a note that must leave the page usable: no full-viewport layer, it places itself.
    position,
    zIndex: TOP_Z_INDEX,
    // The root element rather than <body>: a transformed body would capture position: fixed.
    anchor: document.documentElement,
    append: 'last',
    mode: 'open',
    css,
    isolateEvents: true,
    onMount(container) {
      const root = createRoot(container);
      root.render(content);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
}

function createPromptUi(ctx: ContentScriptContext, css: string, token: string, anchor: () => DOMRect | undefined, close: () => void) {
  return createLayerUi(ctx, PROMPT_UI_NAME, css, <PagePrompt token={token} anchor={anchor} onClose={close} onOpenSettings={openOptions} />);
}

function createPickerUi(ctx: ContentScriptContext, css: string, handlers: { onPick(element: Element): void; onCancel(): void }) {
  return createLayerUi(ctx, PICKER_UI_NAME, css, <ImagePicker doc={document} onPick={handlers.onPick} onCancel={handlers.onCancel} />);
}

/**
 * Content scripts cannot call runtime.openOptionsPage(), and options.html is not web-accessible,
 * so the background opens it for us.
 */
function openOptions(): void {
  sendToBackground({ type: 'bg:open-options' }).catch(() => undefined);
}

function openSpending(): void {
  sendToBackground({ type: 'bg:open-options', section: 'spending' }).catch(() => undefined);
}
