import type { Job } from '../job';
import { entryKey, hasEntry, type Ledger, type LedgerEntry } from './ledger';
import { basisOf, priceOf, upfrontMicros, type EffectivePrice, type PriceOverrides } from './price-table';

/**
 * The provider a job runs at: its own when the record names one, else `fallback` (the job service runs
 * every job at the provider chosen in settings, so callers pass that).
 */
export function providerOf(job: Job, fallback = 'replicate'): string {
  return job.provider ?? fallback;
}

/** The basis of a row whose amount the provider itself reported. */
export const REPORTED_BASIS = 'one request, cost as the provider reported it';

/**
 * The ledger row of a job that reached its billed outcome, or undefined. By the rule of its price:
 * - per output image (Kontext on Replicate): the prediction succeeded and has an output (the job is
 *   downloading it, or done); failed, canceled and aborted predictions have no output and cost nothing;
 * - per request (Black Forest Labs): the provider accepted the request (the job has its id), whatever
 *   follows; at the cost it reported for the request when it did, else at the table's price.
 * - per second (an "Other model" the user priced): the prediction ran and ended — succeeded, failed or
 *   canceled, for the seconds it ran; an aborted one never started and costs nothing.
 * A model without a known price gets no row: the ledger holds amounts, not guesses.
 */
export function billedEntry(job: Job, prices: PriceOverrides, now: number, fallbackProvider?: string): LedgerEntry | undefined {
  if (!job.predictionId) return undefined;
  const provider = providerOf(job, fallbackProvider);
  // A provider that states the cost of each request (BFL) is taken at its word: billed once accepted.
  if (job.reportedCostMicros !== undefined) {
    return {
      jobId: job.id, predictionId: job.predictionId, micros: job.reportedCostMicros, model: job.model, provider,
      rule: 'per-request', basis: REPORTED_BASIS, at: job.completedAt ?? now,
    };
  }
  const price = priceOf(provider, job.model, prices);
  if (!price) return undefined;
  const micros = billedMicros(job, price);
  if (micros === undefined) return undefined;
  return {
    jobId: job.id, predictionId: job.predictionId, micros, model: job.model, provider,
    rule: price.rule, basis: basisOf(price), at: job.completedAt ?? now,
  };
}

/** A run that ended at the provider after running (a canceled one included); not one that was aborted. */
const ENDED_AFTER_RUNNING = new Set(['succeeded', 'failed', 'canceled']);

/** What `job`'s prediction costs by `price`'s rule, or undefined when it is not billed (yet). */
function billedMicros(job: Job, price: EffectivePrice): number | undefined {
  switch (price.rule) {
    case 'per-output-image':
      return job.outputUrl !== undefined ? price.micros : undefined;
    case 'per-request':
      return price.micros;
    case 'per-second':
      if (job.predictTime === undefined || !job.remoteStatus || !ENDED_AFTER_RUNNING.has(job.remoteStatus)) return undefined;
      return Math.round(job.predictTime * price.micros);
  }
}

/** True when a job is running or waiting and its cost is not in the ledger yet (it may still be billed). */
export function isPendingCharge(job: Job, ledger: Ledger): boolean {
  if (job.phase === 'done' || job.phase === 'failed' || job.phase === 'canceled') return false;
  return !job.predictionId || !hasEntry(ledger, entryKey({ jobId: job.id, predictionId: job.predictionId }));
}

/** The expected cost of jobs not billed yet, each at its model's price (a time-billed one's is not known ahead). */
export function pendingMicros(jobs: readonly Job[], ledger: Ledger, prices: PriceOverrides, fallbackProvider?: string): number {
  return jobs
    .filter((job) => isPendingCharge(job, ledger))
    .reduce((sum, job) => sum + (upfrontMicros(priceOf(providerOf(job, fallbackProvider), job.model, prices)) ?? 0), 0);
}
