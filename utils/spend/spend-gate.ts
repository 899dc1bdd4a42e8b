import type { Job } from '../job';
import type { JobEvent } from '../job-machine';
import { byStartOrder, holdsSlot } from '../job-queue';
import { createSerialQueue } from '../serial-queue';
import { billedEntry, pendingMicros, providerOf } from './billing';
import { capRefusalMessage, capStatus, type CapFigures, type CapStatus } from './cap';
import { monthTotal } from './ledger';
import { getLedger, recordEntry } from './ledger-store';
import { priceOf, upfrontMicros } from './price-table';
import { getSettings } from '../settings-store';
import { getSpendSettings } from './spend-settings';

/** What an edit would cost and where the month stands, as the prompt box shows it. */
export interface SpendQuote extends CapFigures {
  status: CapStatus;
  /** Set for a model billed by run time (its edit's price is not known before it runs): the price of a second. */
  perSecondMicros?: number;
}

/** The quote for one more edit of `model`, counting `jobs` that are accepted but not billed yet. */
export async function quoteEdit(model: string, provider: string, jobs: readonly Job[], now: number): Promise<SpendQuote> {
  const [ledger, settings] = await Promise.all([getLedger(), getSpendSettings()]);
  const price = priceOf(provider, model, settings.prices);
  const figures: CapFigures = {
    spentMicros: monthTotal(ledger, now),
    pendingMicros: pendingMicros(jobs, ledger, settings.prices, provider),
    priceMicros: upfrontMicros(price),
    capMicros: settings.capMicros,
  };
  const quote: SpendQuote = { ...figures, status: capStatus(figures) };
  if (price?.rule === 'per-second') quote.perSecondMicros = price.micros;
  return quote;
}

/**
 * Start checks run one at a time: each must see the jobs the one before it added, or ten quick
 * clicks would all pass the same check and overshoot the cap together.
 */
export const serializeStarts = createSerialQueue();

/**
 * The event that stops a job about to send its create when that would pass the cap, or undefined.
 * Counted besides the ledger: jobs that hold a provider slot and jobs started before this one (they
 * create first), so jobs released from the queue together never overshoot. A job stopped here fails
 * with the cap's message and costs nothing; Retry checks again (after the cap was raised).
 */
export async function capRefusalForCreate(job: Job, jobs: readonly Job[], now: number): Promise<JobEvent | undefined> {
  const ahead = jobs.filter((other) => other.id !== job.id && (holdsSlot(other) || byStartOrder(other, job) < 0));
  const quote = await quoteEdit(job.model, providerOf(job, (await getSettings()).provider), ahead, now);
  if (quote.status !== 'at-cap') return undefined;
  // Its own code: the popup offers to raise the cap beside Retry (job-machine.ts does not resume it).
  return { type: 'FAILED', error: { code: 'spend-cap', message: capRefusalMessage(quote) } };
}

/** Writes the ledger row of a job that reached its billed outcome (idempotent); never throws. */
export async function recordIfBilled(job: Job, now: number): Promise<void> {
  if (!job.predictionId) return;
  try {
    const [spend, settings] = await Promise.all([getSpendSettings(), getSettings()]);
    const entry = billedEntry(job, spend.prices, now, settings.provider);
    if (entry) await recordEntry(entry);
  } catch (error) {
    console.warn('Edit with Kontext: could not record the cost of an edit.', error);
  }
}

/** Thrown by a start the cap refuses; the message is the one people read. */
export class SpendCapError extends Error {
  override name = 'SpendCapError';
}

/** Throws SpendCapError when one more edit like `job` would pass the cap, counting every job not billed yet. */
export async function assertWithinCap(job: Job, jobs: readonly Job[], now: number): Promise<void> {
  const quote = await quoteEdit(job.model, providerOf(job, (await getSettings()).provider), jobs, now);
  if (quote.status === 'at-cap') throw new SpendCapError(capRefusalMessage(quote));
}
