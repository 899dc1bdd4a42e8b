import { storage } from 'wxt/utils/storage';
import { createSerialQueue } from '../serial-queue';
import { addEntry, closeOldMonths, EMPTY_LEDGER, readLedger, type Ledger, type LedgerEntry } from './ledger';

/**
 * The ledger lives in storage.local under one key: a few hundred bytes a month for typical use (one
 * row per billed edit), read whole by the options page and popup, watched for live totals. Only the
 * background writes it, through one serialized queue, so two finishing jobs never lose a row.
 */
export const LEDGER_KEY = 'local:spendLedger';

const ledgerItem = storage.defineItem<unknown>(LEDGER_KEY, { fallback: EMPTY_LEDGER });
const serialized = createSerialQueue();

/** The stored ledger, validated. */
export async function getLedger(): Promise<Ledger> {
  return readLedger(await ledgerItem.getValue());
}

/** Records one billed run once; true when it was new. */
export function recordEntry(entry: LedgerEntry): Promise<boolean> {
  return serialized(async () => {
    const ledger = await getLedger();
    const next = addEntry(ledger, entry);
    if (next === ledger) return false;
    await ledgerItem.setValue(closeOldMonths(next, entry.at));
    return true;
  });
}

/** Calls back with the ledger whenever it changes; returns the unsubscribe function. */
export function watchLedger(callback: (ledger: Ledger) => void): () => void {
  return ledgerItem.watch((value) => callback(readLedger(value)));
}
