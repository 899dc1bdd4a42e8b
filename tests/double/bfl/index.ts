// A local double of Black Forest Labs' API (api.bfl.ai) and its delivery host; see README.md here.
import { closeServer, createServer, listen, originOf } from '../server';
import { createTlsMaterial } from '../tls';
import type { BflApiState } from './api-routes';
import { createBflApiListener, createBflDeliveryListener } from './servers';
import { TaskBook } from './tasks';
import type { BflDouble, BflDoubleOptions, BflOutcome, BflRecordedRequest } from './types';

export type { BflDouble, BflDoubleOptions, BflOutcome, BflRecordedRequest, BflTaskRecord } from './types';
export { BFL_COST } from './tasks';

/** Keys accepted when none are configured, with their balances in credits. */
export const DEFAULT_BFL_KEYS: Record<string, number> = { bfl_test_valid: 1000, bfl_test_nocredit: 0 };

/** Starts the API and delivery servers and resolves once both listen. */
export async function startBflDouble(opts: BflDoubleOptions = {}): Promise<BflDouble> {
  const now = opts.now ?? (() => Date.now());
  const host = opts.host ?? '127.0.0.1';
  const tls = opts.tls ? await createTlsMaterial() : null;
  let apiOrigin = '';
  let deliveryOrigin = '';
  const book = new TaskBook(now, () => opts.pendingMs ?? 1500, opts.resultTtlMs ?? 10 * 60_000);
  const outcomes: BflOutcome[] = [];
  const state: BflApiState = {
    book,
    credits: new Map(Object.entries(opts.keys ?? DEFAULT_BFL_KEYS)),
    outcomes,
    maxActiveTasks: opts.maxActiveTasks ?? 24,
    pollingOrigin: () => (opts.pollingOrigin ?? apiOrigin).replace(/\/+$/, ''),
    deliveryOrigin: () => (opts.deliveryOrigin ?? deliveryOrigin).replace(/\/+$/, ''),
    now,
  };
  const requests: BflRecordedRequest[] = [];
  const deliveryRequests: BflRecordedRequest[] = [];
  const apiServer = createServer(createBflApiListener(state, requests), tls);
  const deliveryServer = createServer(createBflDeliveryListener(state, deliveryRequests), tls);
  const apiPort = await listen(apiServer, host, opts.apiPort ?? 0);
  const deliveryPort = await listen(deliveryServer, host, opts.deliveryPort ?? 0);
  apiOrigin = originOf(tls !== null, host, apiPort);
  deliveryOrigin = originOf(tls !== null, host, deliveryPort);

  return {
    apiUrl: `${apiOrigin}/v1`,
    deliveryUrl: deliveryOrigin,
    apiPort,
    deliveryPort,
    requests,
    deliveryRequests,
    tasks: book.tasks,
    creditsOf: (key) => state.credits.get(key),
    queueOutcome: (outcome) => void outcomes.push(outcome),
    close: () => Promise.all([closeServer(apiServer), closeServer(deliveryServer)]).then(() => undefined),
  };
}
