// Every answer the provider can give ends in a defined state with a message a person understands —
// on the production build, with the faults injected at the local double.
import type { Fault } from '../double';
import { creates, jobItem, openPromptBox, saveApiKey, startEdit } from './flows';
import { expect, test, waitForMenuReady } from './fixtures';

const CREATE = { method: 'POST', path: '/v1/models/' };
const POLL = { method: 'GET', path: '/v1/predictions/' };

interface Outcome {
  name: string;
  key?: string;
  faults: Fault[];
  word: 'Done' | 'Failed';
  message?: RegExp;
  /** Predictions the provider ends up with: never more than the user asked for. */
  predictions: number;
}

const OUTCOMES: Outcome[] = [
  { name: 'no credit (402)', key: 'r8_test_nocredit', faults: [], word: 'Failed', message: /no credit left/, predictions: 0 },
  { name: 'unknown model (404)', faults: [{ match: CREATE, respond: { status: 404, body: { detail: 'The requested resource could not be found.', status: 404 } } }], word: 'Failed', message: /check the model name and base URL/, predictions: 0 },
  {
    name: 'invalid input (422)',
    faults: [{ match: CREATE, respond: { status: 422, body: { title: 'Input validation failed', detail: '- input.seed: Invalid type.', status: 422, invalid_fields: [{ type: 'type', field: 'input.seed', description: 'Invalid type.' }] } } }],
    word: 'Failed', message: /input\.seed \(Invalid type\.\)/, predictions: 0,
  },
  { name: 'rate limited (429 with Retry-After), then accepted', faults: [{ match: CREATE, respond: { status: 429, body: { detail: 'Request was throttled.' }, headers: { 'retry-after': '2' } } }], word: 'Done', predictions: 1 },
  { name: 'rate limited (429 "~Ns" in the detail), then accepted', faults: [{ match: CREATE, respond: { status: 429, body: { detail: 'Request was throttled. Your rate limit resets in ~2s.' } } }], word: 'Done', predictions: 1 },
  { name: 'server errors while polling (500, 503), then success', faults: [{ match: POLL, times: 2, respond: { status: 503 } }], word: 'Done', predictions: 1 },
  { name: 'a dropped connection after the create was made', faults: [{ match: CREATE, drop: true, afterCreate: true }], word: 'Done', predictions: 1 },
  { name: 'a dropped connection before the create arrived', faults: [{ match: CREATE, drop: true }], word: 'Done', predictions: 1 },
  { name: 'the model failing', faults: [{ match: CREATE, outcome: 'failed' }], word: 'Failed', message: /./, predictions: 1 },
  { name: 'success without an output', faults: [{ match: CREATE, outcome: 'no-output' }], word: 'Failed', message: /returned no image/, predictions: 1 },
  { name: 'the output deleted before download', faults: [{ match: { method: 'GET', path: '/xezq/' }, times: 20, respond: { status: 404 } }], word: 'Failed', message: /already deleted the result/, predictions: 1 },
];

test.describe('API outcomes', () => {
  // Polled (no sync mode) so poll faults apply; quick jobs.
  test.use({ apiOptions: { maxPreferWaitSeconds: 0, timing: { startingMs: 200, processingMs: 800 } } });

  for (const outcome of OUTCOMES) {
    test(`${outcome.name} → ${outcome.word}`, async ({ page, site, api, openOptions, openPopup, serviceWorker }) => {
      await waitForMenuReady(await serviceWorker());
      for (const fault of outcome.faults) api.injectFault(fault);
      await saveApiKey(openOptions, outcome.key ?? 'r8_test_valid');
      await page.goto(site.url('/images.html'));
      await startEdit(await openPromptBox(page, page.getByAltText('A red ball on a wooden table')), 'add a rainbow');

      const item = jobItem(await openPopup(), 'add a rainbow');
      await expect(item.getByText(outcome.word, { exact: true })).toBeVisible({ timeout: 40_000 });
      if (outcome.message) await expect(item).toContainText(outcome.message);
      if (outcome.word === 'Failed') await expect(item.getByRole('button', { name: 'Retry' })).toBeVisible();
      expect(api.predictions.size).toBe(outcome.predictions);
      expect(creates(api.requests).length).toBeLessThanOrEqual(2);
    });
  }
});
