import { BackgroundMessage, type BackgroundMessageType, type BackgroundReplies } from './messages';

/** The parts of a sender we check. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type Handlers = {
  [K in BackgroundMessageType]: (
    message: Extract<BackgroundMessage, { type: K }>,
    sender: SenderInfo,
  ) => Promise<BackgroundReplies[K]>;
};

/** What the prompt box, running in a web page's tab, may ask; everything else is for extension pages only. */
const FROM_CONTENT_SCRIPT: ReadonlySet<BackgroundMessageType> = new Set([
  'bg:prompt-context', 'bg:start-edit', 'bg:run-preset', 'bg:open-options', 'bg:set-target', 'bg:prepare-input',
]);

/**
 * True when the message comes from one of our own extension pages (popup, options). Decided by the
 * sender's URL: an options page opened in a tab has `sender.tab` too, while a content script's URL is
 * always the web page's.
 */
export function isExtensionPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** Accepts a message only if it parses and its sender may send it; the checks run before any handler. */
export function isAllowed(message: BackgroundMessage, sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  if (isExtensionPage(sender, extensionId, extensionOrigin)) return true;
  if (!FROM_CONTENT_SCRIPT.has(message.type)) return false;
  // A content script only ever works on the image the user right-clicked in its own tab.
  if (message.type === 'bg:prompt-context') return message.source.kind === 'selection';
  if (message.type === 'bg:start-edit') return message.request.source.kind === 'selection';
  if (message.type === 'bg:prepare-input') return message.source.kind === 'selection';
  return true;
}

/**
 * The background's onMessage listener: parse, check the sender, dispatch. A message that fails
 * either check gets no answer and has no effect.
 */
export function createMessageListener(handlers: Handlers, extensionId: string, extensionOrigin: string) {
  return (raw: unknown, sender: SenderInfo): Promise<unknown> | undefined => {
    const parsed = BackgroundMessage.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    if (!isAllowed(message, sender, extensionId, extensionOrigin)) return undefined;
    const handler = handlers[message.type] as (m: BackgroundMessage, s: SenderInfo) => Promise<unknown>;
    return handler(message, sender);
  };
}
