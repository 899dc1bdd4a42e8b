import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PagePrompt } from '../../components/PagePrompt';
import { PageMessage } from '../messages';
import { sendToBackground } from '../send-message';
import { findImageBySrc } from './find-image';

/** Tag name of the element hosting the prompt box's shadow root. */
export const PROMPT_UI_NAME = 'kontext-prompt';
/** Above anything a page can stack (the largest 32-bit z-index). */
const TOP_Z_INDEX = 2_147_483_647;
/**
 * Marks the live copy of this script in the tab's isolated world. The background may inject the
 * script again on every menu click; the isolated world (and this global) outlives each injection.
 */
const ACTIVE_SCRIPT = Symbol.for('edit-with-kontext.prompt-script');

type Globals = typeof globalThis & { [ACTIVE_SCRIPT]?: ContentScriptContext };

/**
 * Starts listening for `page:open-prompt` unless a live copy of this script already does; returns
 * whether this call took over. Note: WXT's ContentScriptContext invalidates the previous context of
 * the same script as soon as a new one is constructed (it dispatches a "script started" event), so in
 * practice a second injection finds the first one already invalidated and replaces it: there is
 * always exactly one listener and one prompt box.
 */
export function registerPromptScript(ctx: ContentScriptContext, css: string): boolean {
  const globals = globalThis as Globals;
  if (globals[ACTIVE_SCRIPT]?.isValid) return false;
  globals[ACTIVE_SCRIPT] = ctx;
  ctx.onInvalidated(() => {
    if (globals[ACTIVE_SCRIPT] === ctx) delete globals[ACTIVE_SCRIPT];
  });

  let opened: ShadowRootContentScriptUi<Root> | undefined;
  let openings = 0;

  async function open(message: PageMessage): Promise<void> {
    const mine = ++openings;
    opened?.remove();
    opened = undefined;
    const ui = await createPromptUi(ctx, css, message, () => {
      // Unmount after the current event finishes: the close click is still being dispatched by React.
      queueMicrotask(() => {
        ui.remove();
        if (opened === ui) opened = undefined;
      });
    });
    // A newer menu click (or an invalidation) arrived while this one was being created.
    if (mine !== openings || ctx.isInvalid) return;
    opened = ui;
    ui.mount();
  }

  const onMessage = (raw: unknown) => {
    const parsed = PageMessage.safeParse(raw);
    if (!parsed.success) return undefined;
    return open(parsed.data).then(() => ({ ok: true }));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return true;
}

function createPromptUi(ctx: ContentScriptContext, css: string, message: PageMessage, close: () => void) {
  const image = findImageBySrc(document, message.srcUrl);
  const anchor = () => (image?.isConnected ? image.getBoundingClientRect() : undefined);
  return createShadowRootUi<Root>(ctx, {
    name: PROMPT_UI_NAME,
    position: 'modal',
    zIndex: TOP_Z_INDEX,
    // The root element rather than <body>: a transformed body would capture position: fixed.
    anchor: document.documentElement,
    append: 'last',
    mode: 'open',
    css,
    // Keys typed in the box must not reach the page's own shortcuts (j/k, /, s…).
    isolateEvents: true,
    onMount(container) {
      const root = createRoot(container);
      root.render(<PagePrompt token={message.token} anchor={anchor} onClose={close} onOpenSettings={openOptions} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
}

/**
 * Content scripts cannot call runtime.openOptionsPage(), and options.html is not web-accessible,
 * so the background opens it for us.
 */
function openOptions(): void {
  sendToBackground({ type: 'bg:open-options' }).catch(() => undefined);
}
