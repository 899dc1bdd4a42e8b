import type { PredictionClient } from '../client';
import { REPLICATE_API_BASE } from '../base-url';
import { ApiError } from '../errors';
import type { Outcome, Prediction } from '../prediction';
import { createBflClient, type BflClientConfig } from './client';
import { bflModelFor, DEFAULT_BFL_BASE_URL } from './input';
import { BFL_REMOTE_STATUS, BflResult, classifyBflResult } from './result';

/** A PredictionClient for BFL, plus its own classifier: BFL's statuses and messages are not Replicate's. */
export interface BflPredictionClient extends PredictionClient {
  classify(p: Prediction): Outcome;
  costOf(p: Prediction): number | undefined;
}

/** BFL prices in credits: one credit is one US cent (BFL's pricing page), 10,000 micro-dollars. */
export const MICROS_PER_BFL_CREDIT = 10_000;

/** The BFL base URL for the configured one: Replicate's default (never changed by the user) means BFL's. */
export function bflBaseUrlFor(configured: string): string {
  return configured.trim().replace(/\/+$/, '') === REPLICATE_API_BASE ? DEFAULT_BFL_BASE_URL : configured;
}

export const BFL_NO_CANCEL_MESSAGE = 'Black Forest Labs cannot stop an edit once it has started (it is already paid for).';
const NO_LIST_MESSAGE = 'Black Forest Labs has no list of recent edits to look in.';
const NO_UPLOADS_MESSAGE = 'Black Forest Labs takes the image inline only.';

/**
 * The job steps' client for Black Forest Labs. A prediction's `id` is the task's polling URL, exactly
 * as BFL gave it: the job persists that id, so a restarted worker polls the same regional host.
 * The raw polling answer rides along as `bfl` for `classify`.
 */
export function createBflPredictionClient(cfg: BflClientConfig): BflPredictionClient {
  const bfl = createBflClient({ ...cfg, baseUrl: bflBaseUrlFor(cfg.baseUrl) });
  return {
    async createPrediction(model, input, opts = {}) {
      const name = bflModelFor(model);
      if (!name) throw new ApiError('bad-request', `Black Forest Labs does not offer the model "${model}".`);
      const task = await bfl.createEdit(name, input, opts.signal);
      // Only what recovery matching, the job views and the ledger read; the image is not echoed back.
      return { id: task.pollingUrl, status: 'starting', model, input: { prompt: input.prompt, seed: input.seed }, bflCost: task.cost };
    },
    async getPrediction(id, signal) {
      const result = await bfl.getResult(id, signal);
      const outcome = classifyBflResult(result);
      return {
        id,
        status: BFL_REMOTE_STATUS[result.status],
        output: outcome.kind === 'succeeded' ? outcome.urls[0] : undefined,
        error: outcome.kind === 'failed' ? outcome.message : undefined,
        bfl: result,
      };
    },
    cancelPrediction: () => Promise.reject(new ApiError('bad-request', BFL_NO_CANCEL_MESSAGE, { retryable: false })),
    // Without a list, a create whose answer was lost cannot be found again: the steps say so (create-unknown).
    listPredictions: () => Promise.reject(new ApiError('not-found', NO_LIST_MESSAGE)),
    async getAccount() {
      const { credits } = await bfl.getCredits();
      return { username: 'Black Forest Labs', name: `${credits} credits left`, type: 'bfl' };
    },
    // 'not-found' is how an endpoint without uploads answers: the input is then prepared inline-sized.
    uploadFile: () => Promise.reject(new ApiError('not-found', NO_UPLOADS_MESSAGE)),
    costOf(p) {
      const credits = (p as { bflCost?: unknown }).bflCost;
      return typeof credits === 'number' && Number.isFinite(credits) && credits >= 0 ? Math.round(credits * MICROS_PER_BFL_CREDIT) : undefined;
    },
    classify(p) {
      const raw = BflResult.safeParse((p as { bfl?: unknown }).bfl);
      return raw.success ? classifyBflResult(raw.data) : { kind: 'running' };
    },
  };
}
