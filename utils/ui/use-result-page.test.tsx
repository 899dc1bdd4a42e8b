// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import type { ResultPageDeps } from './result-page-state';
import { makeChain } from './testing/make-version';
import { useResultPage, type ChangedStore } from './use-result-page';

/** Stores in memory, counting reads, with a change signal the test fires. */
function fakeStores() {
  let entries = makeChain(2);
  const jobs = new Map([['live', makeJob({ id: 'live', phase: 'polling' })]]);
  let notify: (changed: ChangedStore) => void = () => {};
  const deps: ResultPageDeps = {
    getEntry: vi.fn(async (id: string) => entries.find((entry) => entry.id === id)),
    listTree: vi.fn(async () => entries),
    getJob: vi.fn(async (id: string) => jobs.get(id)),
  };
  return {
    deps,
    watch: (callback: (changed: ChangedStore) => void) => {
      notify = callback;
      return () => {};
    },
    change: (changed: ChangedStore) => act(() => notify(changed)),
    remove: (id: string) => {
      entries = entries.filter((entry) => entry.id !== id);
    },
  };
}

describe('useResultPage', () => {
  it('reads a shown version again when the history changes, not on every step of a running job', async () => {
    const stores = fakeStores();
    const open = vi.fn();
    const { result } = renderHook(() => useResultPage('v2', open, stores.deps, stores.watch));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    const reads = vi.mocked(stores.deps.getEntry).mock.calls.length;
    await stores.change('jobs');
    expect(stores.deps.getEntry).toHaveBeenCalledTimes(reads);
    await stores.change('history');
    await waitFor(() => expect(stores.deps.getEntry).toHaveBeenCalledTimes(reads + 1));
  });

  it('follows a running edit on every change of the live list', async () => {
    const stores = fakeStores();
    const open = vi.fn();
    const { result } = renderHook(() => useResultPage('live', open, stores.deps, stores.watch));
    await waitFor(() => expect(result.current.state.status).toBe('pending'));
    const reads = vi.mocked(stores.deps.getJob).mock.calls.length;
    await stores.change('jobs');
    await waitFor(() => expect(stores.deps.getJob).toHaveBeenCalledTimes(reads + 1));
  });

  it('opens the version before in place when the shown one is deleted, with a notice for it', async () => {
    const stores = fakeStores();
    const open = vi.fn();
    const { result, rerender } = renderHook(({ id }) => useResultPage(id, open, stores.deps, stores.watch), { initialProps: { id: 'v2' } });
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    stores.remove('v2');
    await stores.change('history');
    await waitFor(() => expect(open).toHaveBeenCalledWith('v1', { replace: true }));
    rerender({ id: 'v1' });
    await waitFor(() => expect(result.current.notice?.jobId).toBe('v1'));
  });

  it('is missing without an id to show', () => {
    const stores = fakeStores();
    const { result } = renderHook(() => useResultPage(undefined, vi.fn(), stores.deps, stores.watch));
    expect(result.current.state).toEqual({ status: 'missing' });
  });
});
