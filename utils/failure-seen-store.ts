import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * When the user last looked at the job list (the popup opened, or a failure arrived while it was
 * open). Failures after it turn the badge red. In `storage.local`, so it outlives the worker.
 */
export const FAILURES_SEEN_KEY = 'local:failures-seen-until';

const Timestamp = z.number().nonnegative().finite();

const seenItem = storage.defineItem<number>(FAILURES_SEEN_KEY, { fallback: 0 });

/** A stored value that is not a timestamp (content scripts can write storage.local) counts as never seen. */
function parseSeen(raw: unknown): number {
  const parsed = Timestamp.safeParse(raw);
  return parsed.success ? parsed.data : 0;
}

/** When failures were last seen; 0 when never. */
export async function getFailuresSeenUntil(): Promise<number> {
  return parseSeen(await seenItem.getValue());
}

/** Stores when failures were last seen. */
export async function setFailuresSeenUntil(timestamp: number): Promise<void> {
  await seenItem.setValue(Timestamp.parse(timestamp));
}

/** Calls back whenever the timestamp changes; returns the unsubscribe function. */
export function watchFailuresSeenUntil(callback: (timestamp: number) => void): () => void {
  return seenItem.watch((value) => callback(parseSeen(value)));
}

/** Calls back with the current timestamp, then on every change; returns the unsubscribe function. */
export function followFailuresSeenUntil(callback: (timestamp: number) => void): () => void {
  let changed = false;
  const unwatch = watchFailuresSeenUntil((timestamp) => {
    changed = true;
    callback(timestamp);
  });
  // A change that lands before the first read finishes is newer: keep it.
  void getFailuresSeenUntil().then((timestamp) => {
    if (!changed) callback(timestamp);
  });
  return unwatch;
}

/** The background's handler of `bg:failures-seen`: every failure until now has been seen. */
export async function markFailuresSeen(now: () => number = Date.now): Promise<{ ok: true }> {
  await setFailuresSeenUntil(now());
  return { ok: true };
}
