import { browser } from 'wxt/browser';
import type { BackgroundMessage, BackgroundReplies } from './messages';

/** Sends a command to the background and returns its typed reply. */
export async function sendToBackground<M extends BackgroundMessage>(message: M): Promise<BackgroundReplies[M['type']]> {
  return (await browser.runtime.sendMessage(message)) as BackgroundReplies[M['type']];
}
