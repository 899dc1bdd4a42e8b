import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  FAILURES_SEEN_KEY,
  followFailuresSeenUntil,
  getFailuresSeenUntil,
  markFailuresSeen,
  setFailuresSeenUntil,
  watchFailuresSeenUntil,
} from './failure-seen-store';

const storageKey = FAILURES_SEEN_KEY.replace(/^local:/, '');

describe('failure-seen store', () => {
  it('reads 0 (never seen) before anything is stored', async () => {
    await expect(getFailuresSeenUntil()).resolves.toBe(0);
  });

  it('marks failures seen at the current time, in storage.local', async () => {
    await expect(markFailuresSeen(() => 12_345)).resolves.toEqual({ ok: true });
    await expect(getFailuresSeenUntil()).resolves.toBe(12_345);
    expect(await fakeBrowser.storage.local.get(storageKey)).toEqual({ [storageKey]: 12_345 });
  });

  it('uses the real clock by default', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(99_000);
    await markFailuresSeen();
    await expect(getFailuresSeenUntil()).resolves.toBe(99_000);
  });

  it.each([['text'], [-5], [{ at: 1 }]])('reads a tampered value %j as never seen', async (value) => {
    await fakeBrowser.storage.local.set({ [storageKey]: value });
    await expect(getFailuresSeenUntil()).resolves.toBe(0);
  });

  it('refuses to store a value that is not a timestamp', async () => {
    await expect(setFailuresSeenUntil(Number.NaN)).rejects.toThrow();
  });

  it('tells watchers about every change', async () => {
    const seen: number[] = [];
    const unwatch = watchFailuresSeenUntil((timestamp) => seen.push(timestamp));
    await setFailuresSeenUntil(1_000);
    await markFailuresSeen(() => 2_000);
    unwatch();
    await setFailuresSeenUntil(3_000);
    expect(seen).toEqual([1_000, 2_000]);
  });

  it('follows: the current value first, then changes', async () => {
    await setFailuresSeenUntil(500);
    const seen: number[] = [];
    const unfollow = followFailuresSeenUntil((timestamp) => seen.push(timestamp));
    await vi.waitFor(() => expect(seen).toEqual([500]));
    await setFailuresSeenUntil(700);
    await vi.waitFor(() => expect(seen).toEqual([500, 700]));
    unfollow();
  });
});
