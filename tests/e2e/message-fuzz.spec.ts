// Every message into the background is parsed and checked on arrival: a storm of random and malformed
// messages has no effect, and a normal edit still runs to the end afterwards.
import { closeExtensionPages, creates, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

test('10,000 random and malformed messages change nothing, then an edit runs normally', async ({ page, site, api, context, openOptions, openPopup, serviceWorker }) => {
  await waitForMenuReady(await serviceWorker());
  // The options page opened on install has no message listener, but Chrome still delivers every
  // message to it: closed, the storm only costs what it costs the background (~20 % less time).
  await closeExtensionPages(context);
  const popup = await openPopup();
  const answered = await popup.evaluate(async () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T,>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
    const junk = (): unknown =>
      pick<unknown>([null, 0, -1, 1e308, '', 'x'.repeat(5000), [], {}, [1, { a: 2 }], true, { kind: 'job' }, { kind: 'selection', token: 42 }, '__proto__']);
    // Every type the background knows, plus unknown ones; fields of the wrong shapes.
    const types = ['bg:wake', 'bg:prompt-context', 'bg:start-edit', 'bg:cancel-job', 'bg:delete-job', 'bg:retry-job', 'bg:test-connection', 'bg:failures-seen', 'bg:nope', '', 12];
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const message = random() < 0.1 ? junk() : { type: pick(types), jobId: junk(), source: junk(), request: junk(), baseUrl: junk(), apiKey: junk() };
      sends.push(chrome.runtime.sendMessage(message).then((reply: unknown) => reply, () => undefined));
    }
    const replies = await Promise.all(sends);
    return replies.filter((reply) => reply !== undefined).length;
  });
  // Only the harmless, field-less commands can be valid as generated (wake, failures-seen).
  expect(answered).toBeLessThan(10_000);
  expect(api.requests).toHaveLength(0);

  await saveApiKey(openOptions, 'r8_test_valid');
  await page.goto(site.url('/images.html'));
  await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'add fireworks');
  await popup.bringToFront();
  await expect(jobItem(popup, 'add fireworks').getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  expect(creates(api.requests)).toHaveLength(1);
});
