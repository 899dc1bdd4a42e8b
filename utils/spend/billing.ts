import type { Job } from '../job';
import { entryKey, hasEntry, type Ledger, type LedgerEntry } from './ledger';
import { basisOf, priceOf, type PriceOverrides } from './price-table';

/**
 * The provider a job runs at: its own when the record names one, else `fallback` (the job service runs
 * every job at the provider chosen in settings, so callers pass that).
 */
export function providerOf(job: Job, fallback = 'replicate'): string {
  return job.provider ?? fallback;
}

/**
 * The ledger row of a job that reached its billed outcome, or undefined. By the rule of its price:
 * - per output image (Kontext on Replicate): the prediction succeeded and has an output (the job is
 *   downloading it, or done); failed, canceled and aborted predictions have no output and cost nothing;
 * - per request (Black Forest Labs): the provider accepted the request (the job has its id), whatever
 *   follows.
 * Time-billed prices are not billed here yet (no such model in the table). A model without a known
 * price gets no row: the ledger holds amounts, not guesses.
 */
export function billedEntry(job: Job, prices: PriceOverrides, now: number, fallbackProvider?: string): LedgerEntry | undefined {
  if (!job.predictionId) return undefined;
  const provider = providerOf(job, fallbackProvider);
  const price = priceOf(provider, job.model, prices);
  if (!price) return undefined;
  const billed = price.rule === 'per-output-image' ? job.outputUrl !== undefined : price.rule === 'per-request';
  if (!billed) return undefined;
  return {
    jobId: job.id, predictionId: job.predictionId, micros: price.micros, model: job.model, provider,
    rule: price.rule, basis: basisOf(price), at: job.completedAt ?? now,
  };
}

/** True when a job is running or waiting and its cost is not in the ledger yet (it may still be billed). */
export function isPendingCharge(job: Job, ledger: Ledger): boolean {
  if (job.phase === 'done' || job.phase === 'failed' || job.phase === 'canceled') return false;
  return !job.predictionId || !hasEntry(ledger, entryKey({ jobId: job.id, predictionId: job.predictionId }));
}

/** The expected cost of jobs not billed yet, each at its model's price. */
export function pendingMicros(jobs: readonly Job[], ledger: Ledger, prices: PriceOverrides, fallbackProvider?: string): number {
  return jobs
    .filter((job) => isPendingCharge(job, ledger))
    .reduce((sum, job) => sum + (priceOf(providerOf(job, fallbackProvider), job.model, prices)?.micros ?? 0), 0);
}
