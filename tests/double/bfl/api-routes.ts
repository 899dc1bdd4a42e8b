// The API server's routes: create (x-key, 402, 429, 422), get_result, credits, plus admin.
import { randomUUID } from 'node:crypto';
import { jsonReply, rawReply, type Reply } from '../http-util';
import { BFL_COST, type TaskBook } from './tasks';
import type { BflOutcome } from './types';
import { validateEditBody } from './validate';

/** What the routes read and change. */
export interface BflApiState {
  book: TaskBook;
  credits: Map<string, number>;
  outcomes: BflOutcome[];
  maxActiveTasks: number;
  pollingOrigin: () => string;
  deliveryOrigin: () => string;
  now: () => number;
}

/** One parsed request. */
export interface BflRouteRequest {
  method: string;
  /** Path under /v1, e.g. "/flux-kontext-pro". */
  route: string;
  query: URLSearchParams;
  key: string | undefined;
  json: unknown;
}

const detail = (status: number, text: string): Reply => jsonReply(status, { detail: text });
const OUTCOMES: readonly BflOutcome[] = ['ready', 'request-moderated', 'content-moderated', 'error'];

/**
 * Routes a /v1 request. Every route wants the key, polling included (BFL's own examples send it),
 * and a task is only found with the key that created it: stricter than needed, so a client that
 * forgets the key on the polling URL fails here.
 */
export async function routeBfl(state: BflApiState, req: BflRouteRequest): Promise<Reply> {
  const balance = req.key === undefined ? undefined : state.credits.get(req.key);
  if (req.key === undefined || balance === undefined) return detail(401, 'Not authenticated - Invalid Authentication');
  if (req.method === 'GET' && req.route === '/get_result') return getResult(state, req.query.get('id') ?? '', req.key);
  if (req.method === 'GET' && req.route === '/credits') return jsonReply(200, { credits: balance });
  const model = req.route.slice(1);
  if (req.method === 'POST' && model in BFL_COST) return create(state, req.key, balance, model, req.json);
  return detail(404, 'Not Found');
}

function create(state: BflApiState, key: string, balance: number, model: string, json: unknown): Reply {
  const valid = validateEditBody(json);
  if (!valid.ok) return jsonReply(422, { detail: valid.detail });
  const cost = BFL_COST[model] ?? 0;
  if (balance < cost) return detail(402, 'Insufficient credits');
  if (state.book.activeCount(key) >= state.maxActiveTasks) {
    return detail(429, 'You have exceeded the number of active tasks. Please wait for some of your tasks to finish.');
  }
  state.credits.set(key, balance - cost);
  const task = state.book.add({ id: randomUUID(), key, model, input: valid.body, outcome: state.outcomes.shift() ?? 'ready', cost });
  return jsonReply(200, { id: task.id, polling_url: `${state.pollingOrigin()}/v1/get_result?id=${task.id}`, cost });
}

async function getResult(state: BflApiState, id: string, key: string): Promise<Reply> {
  const view = state.book.tasks.get(id)?.key === key ? await state.book.view(id) : { status: 'Task not found' as const };
  const base = { id, result: null, progress: null, details: null };
  if (view.status === 'Pending') return jsonReply(200, { ...base, status: 'Pending', progress: 0.5 });
  if (view.status === 'Error') return jsonReply(200, { ...base, status: 'Error', details: view.details });
  if (view.status !== 'Ready') return jsonReply(200, { ...base, status: view.status });
  // The sample link carries its expiry like BFL's signed delivery URLs.
  const expires = new Date(view.task.readyAt + state.book.ttlMs).toISOString();
  const sample = `${state.deliveryOrigin()}${view.samplePath}?se=${encodeURIComponent(expires)}&sig=double`;
  return jsonReply(200, {
    ...base,
    status: 'Ready',
    result: { sample, prompt: view.task.input.prompt, seed: view.task.input.seed ?? null, start_time: view.task.createdAt / 1000, end_time: view.task.readyAt / 1000 },
  });
}

/** Admin routes (no key): `POST /__double/outcomes` `{"outcome": "..."}`, `GET /__double/tasks`. */
export function routeBflAdmin(state: BflApiState, method: string, path: string, json: unknown): Reply {
  if (method === 'POST' && path === '/__double/outcomes') {
    const outcome = (json as { outcome?: unknown } | null)?.outcome;
    if (!OUTCOMES.includes(outcome as BflOutcome)) return detail(400, `outcome must be one of ${OUTCOMES.join(', ')}`);
    state.outcomes.push(outcome as BflOutcome);
    return jsonReply(200, { queued: state.outcomes });
  }
  if (method === 'GET' && path === '/__double/tasks') {
    return jsonReply(200, [...state.book.tasks.values()].map(({ id, model, outcome, createdAt, readyAt, cost }) => ({ id, model, outcome, createdAt, readyAt, cost })));
  }
  return rawReply(404, 'Not Found', 'text/plain');
}
