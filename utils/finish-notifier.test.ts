import { describe, expect, it, vi } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { createFinishNotifier, newlyFinished } from './finish-notifier';
import type { Job, JobPhase } from './job';

const job = (id: string, phase: JobPhase) => makeJob({ id, phase });

describe('newlyFinished', () => {
  it.each<[JobPhase, JobPhase, boolean]>([
    ['polling', 'done', true],
    ['downloading', 'done', true],
    ['acquiring', 'failed', true],
    ['creating', 'failed', true],
    ['polling', 'canceled', false],
    ['polling', 'downloading', false],
    ['done', 'done', false],
    ['failed', 'failed', false],
    ['failed', 'acquiring', false],
    ['canceled', 'done', false],
  ])('a job going from %s to %s notifies: %s', (before, after, notifies) => {
    const result = newlyFinished([job('a', before)], [job('a', after)]);
    expect(result.map((j) => j.id)).toEqual(notifies ? ['a'] : []);
  });

  it('ignores jobs it has not seen running (new, or already finished when first seen)', () => {
    expect(newlyFinished([], [job('a', 'done'), job('b', 'failed')])).toEqual([]);
  });

  it('returns every job that finished in the same change, as they now are', () => {
    const next = [job('a', 'done'), job('b', 'failed'), job('c', 'polling')];
    const result = newlyFinished([job('a', 'polling'), job('b', 'creating'), job('c', 'creating')], next);
    expect(result).toEqual([next[0], next[1]]);
  });

  it('does not notify about a job deleted while it ran', () => {
    expect(newlyFinished([job('a', 'polling')], [])).toEqual([]);
  });
});

function setup(pageOpen = false) {
  const notified: Job[] = [];
  const deps = {
    notify: vi.fn(async (j: Job) => void notified.push(j)),
    isAnyExtensionPageOpen: vi.fn(async () => pageOpen),
  };
  return { notifier: createFinishNotifier(deps), deps, notified };
}

describe('createFinishNotifier', () => {
  it('notifies about a job that finishes while no extension page is open', async () => {
    const { notifier, notified } = setup();
    await notifier.onJobsChanged([job('a', 'polling')]);
    await notifier.onJobsChanged([job('a', 'done')]);
    expect(notified.map((j) => [j.id, j.phase])).toEqual([['a', 'done']]);
  });

  it('stays quiet while the popup or another extension page is open', async () => {
    const { notifier, deps } = setup(true);
    await notifier.onJobsChanged([job('a', 'polling')]);
    await notifier.onJobsChanged([job('a', 'failed')]);
    expect(deps.isAnyExtensionPageOpen).toHaveBeenCalledTimes(1);
    expect(deps.notify).not.toHaveBeenCalled();
  });

  it('only records on the first call after the worker starts: finished jobs in storage stay quiet', async () => {
    const { notifier, deps } = setup();
    await notifier.onJobsChanged([job('a', 'done'), job('b', 'failed')]);
    await notifier.onJobsChanged([job('a', 'done'), job('b', 'failed')]);
    expect(deps.notify).not.toHaveBeenCalled();
  });

  it('notifies once per finish, not again on later unrelated changes', async () => {
    const { notifier, notified } = setup();
    await notifier.onJobsChanged([job('a', 'polling'), job('b', 'polling')]);
    await notifier.onJobsChanged([job('a', 'done'), job('b', 'polling')]);
    await notifier.onJobsChanged([job('a', 'done'), job('b', 'canceled')]);
    expect(notified.map((j) => j.id)).toEqual(['a']);
  });

  it('notifies again when a retried job finishes', async () => {
    const { notifier, notified } = setup();
    await notifier.onJobsChanged([job('a', 'polling')]);
    await notifier.onJobsChanged([job('a', 'failed')]);
    await notifier.onJobsChanged([job('a', 'acquiring')]);
    await notifier.onJobsChanged([job('a', 'done')]);
    expect(notified.map((j) => j.phase)).toEqual(['failed', 'done']);
  });

  it('compares each change with the one before it even when calls overlap', async () => {
    const { notifier, notified } = setup();
    await notifier.onJobsChanged([job('a', 'polling'), job('b', 'polling')]);
    await Promise.all([
      notifier.onJobsChanged([job('a', 'done'), job('b', 'polling')]),
      notifier.onJobsChanged([job('a', 'done'), job('b', 'done')]),
    ]);
    expect(notified.map((j) => j.id).sort()).toEqual(['a', 'b']);
  });

  it('keeps notifying the other jobs when one notification fails', async () => {
    const { notifier, deps, notified } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    deps.notify.mockImplementationOnce(async () => {
      throw new Error('no permission');
    });
    await notifier.onJobsChanged([job('a', 'polling'), job('b', 'polling')]);
    await notifier.onJobsChanged([job('a', 'done'), job('b', 'done')]);
    expect(notified.map((j) => j.id)).toEqual(['b']);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
