import { describe, expect, it, vi } from 'vitest';
import { createMessageListener, type Handlers } from './message-router';

const ID = 'extension-id';
const ORIGIN = 'chrome-extension://extension-id/';
const popup = { id: ID, url: `${ORIGIN}popup.html` };
const contentScript = { id: ID, url: 'https://example.org/page', tab: { id: 3 } };
const request = { prompt: 'make it snow', aspectRatio: 'match_input_image', outputFormat: 'png' };

function listener() {
  const reply = vi.fn(async () => ({ ok: true }));
  const handlers = new Proxy({}, { get: () => reply }) as unknown as Handlers;
  return { reply, listen: createMessageListener(handlers, ID, ORIGIN) };
}

describe('message router', () => {
  it('answers a valid command from an extension page', async () => {
    const { reply, listen } = listener();
    await expect(listen({ type: 'bg:cancel-job', jobId: 'j1' }, popup)).resolves.toEqual({ ok: true });
    expect(reply).toHaveBeenCalledWith({ type: 'bg:cancel-job', jobId: 'j1' }, popup);
  });

  it.each([
    ['another extension', { type: 'bg:cancel-job', jobId: 'j1' }, { ...popup, id: 'someone-else' }],
    ['a content script sending a page-only command', { type: 'bg:delete-job', jobId: 'j1' }, contentScript],
    ['a content script asking to replace a picture on a page', { type: 'bg:replace-on-page', jobId: 'j1' }, contentScript],
    ['a content script editing a stored result', { type: 'bg:start-edit', request: { ...request, source: { kind: 'job', jobId: 'j1' } } }, contentScript],
    ['an unknown type', { type: 'bg:format-disk' }, popup],
    ['a malformed field', { type: 'bg:cancel-job', jobId: 42 }, popup],
    ['not an object', 'bg:wake', popup],
  ])('drops %s without effect', (_name, message, sender) => {
    const { reply, listen } = listener();
    expect(listen(message, sender)).toBeUndefined();
    expect(reply).not.toHaveBeenCalled();
  });

  it('answers the options page even though it is open in a tab', async () => {
    const { reply, listen } = listener();
    await listen({ type: 'bg:test-connection', baseUrl: 'https://api.replicate.com/v1', apiKey: 'k' }, { ...popup, url: `${ORIGIN}options.html`, tab: { id: 9 } });
    expect(reply).toHaveBeenCalledTimes(1);
  });

  it('lets the prompt box start an edit of the image its own click selected', async () => {
    const { reply, listen } = listener();
    const message = { type: 'bg:start-edit', request: { ...request, source: { kind: 'selection', token: 't1' } } };
    await listen(message, contentScript);
    expect(reply).toHaveBeenCalledTimes(1);
  });

  it('survives 10,000 random and malformed messages with no handler called', () => {
    const { reply, listen } = listener();
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const pick = <T,>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
    const values = () => pick<unknown>([null, 1, 'x', [], {}, { type: 'bg:cancel-job' }, true, -1, '💥'.repeat(3000)]);
    const types = ['bg:wake', 'bg:cancel-job', 'bg:start-edit', 'bg:test-connection', 'bg:nope', 7, undefined];
    for (let i = 0; i < 10_000; i += 1) {
      const message = { type: pick(types), jobId: values(), request: values(), baseUrl: values(), apiKey: values() };
      // Only the bare wake (which needs no fields) may pass, and only from an extension page.
      const sender = pick([contentScript, { id: 'other' }, {}]);
      listen(random() < 0.2 ? values() : message, sender);
    }
    expect(reply).not.toHaveBeenCalled();
  });
});
