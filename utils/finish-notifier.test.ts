import { describe, expect, it, vi } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { awaitingAnnouncement, createFinishNotifier } from './finish-notifier';
import { transition } from './job-machine';
import type { Job, JobPhase } from './job';

const job = (id: string, phase: JobPhase, announce?: boolean) => makeJob({ id, phase, announce });

describe('awaitingAnnouncement', () => {
  it.each<[JobPhase, boolean | undefined, boolean]>([
    ['done', true, true],
    ['failed', true, true],
    ['done', undefined, false],
    ['failed', undefined, false],
    ['canceled', true, false],
    ['polling', true, false],
  ])('a %s job with announce=%s is due: %s', (phase, announce, due) => {
    expect(awaitingAnnouncement([job('a', phase, announce)]).map((j) => j.id)).toEqual(due ? ['a'] : []);
  });
});

describe('the job machine sets and clears the mark', () => {
  const now = 1_000;
  it('sets it when a download finishes the job', () => {
    const next = transition(makeJob({ phase: 'downloading' }), { type: 'DOWNLOADED', result: { width: 1, height: 1, bytes: 1, type: 'image/png' } }, now);
    expect([next.phase, next.announce]).toEqual(['done', true]);
  });

  it('sets it when the job fails', () => {
    const next = transition(makeJob({ phase: 'polling' }), { type: 'FAILED', error: { code: 'server', message: 'x' } }, now);
    expect([next.phase, next.announce]).toEqual(['failed', true]);
  });

  it('does not set it when the user cancels', () => {
    const next = transition(makeJob({ phase: 'acquiring' }), { type: 'CANCEL_REQUESTED' }, now);
    expect([next.phase, next.announce]).toEqual(['canceled', undefined]);
  });

  it('clears it on retry', () => {
    const failed = makeJob({ phase: 'failed', announce: true, error: { code: 'server', message: 'x' } });
    expect(transition(failed, { type: 'RETRY', seed: 7 }, now).announce).toBeUndefined();
  });
});

function setup(pageOpen = false) {
  const notified: Job[] = [];
  const marked: Job[] = [];
  const deps = {
    notify: vi.fn(async (j: Job) => void notified.push(j)),
    isAnyExtensionPageOpen: vi.fn(async () => pageOpen),
    markAnnounced: vi.fn(async (j: Job) => void marked.push(j)),
  };
  return { notifier: createFinishNotifier(deps), deps, notified, marked };
}

describe('createFinishNotifier', () => {
  it('notifies about a finished job while no extension page is open, then clears its mark', async () => {
    const { notifier, notified, marked } = setup();
    await notifier.onJobsChanged([job('a', 'done', true), job('b', 'polling')]);
    expect(notified.map((j) => [j.id, j.phase])).toEqual([['a', 'done']]);
    expect(marked.map((j) => j.id)).toEqual(['a']);
  });

  it('announces a job that finished just before the worker stopped (first list after a start)', async () => {
    // A fresh notifier is a fresh worker: nothing in memory, only the stored mark.
    const { notifier, notified } = setup();
    await notifier.onJobsChanged([job('a', 'failed', true), job('b', 'done')]);
    expect(notified.map((j) => j.id)).toEqual(['a']);
  });

  it('stays quiet while an extension page is open, but still clears the mark (the page shows it)', async () => {
    const { notifier, deps, marked } = setup(true);
    await notifier.onJobsChanged([job('a', 'failed', true)]);
    expect(deps.notify).not.toHaveBeenCalled();
    expect(marked.map((j) => j.id)).toEqual(['a']);
  });

  it('does not announce a job twice when a change arrives while it is being announced', async () => {
    const { notifier, deps } = setup();
    let release!: () => void;
    deps.isAnyExtensionPageOpen.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(false))));
    const first = notifier.onJobsChanged([job('a', 'done', true)]);
    await notifier.onJobsChanged([job('a', 'done', true)]);
    release();
    await first;
    expect(deps.notify).toHaveBeenCalledTimes(1);
  });

  it('keeps announcing the other jobs, and clears every mark, when one notification fails', async () => {
    const { notifier, deps, notified, marked } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    deps.notify.mockImplementationOnce(async () => {
      throw new Error('no permission');
    });
    await notifier.onJobsChanged([job('a', 'done', true), job('b', 'done', true)]);
    expect(notified.map((j) => j.id)).toEqual(['b']);
    expect(marked.map((j) => j.id).sort()).toEqual(['a', 'b']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('notifies again when a retried job finishes again', async () => {
    const { notifier, notified } = setup();
    await notifier.onJobsChanged([job('a', 'failed', true)]);
    await notifier.onJobsChanged([job('a', 'acquiring')]);
    await notifier.onJobsChanged([job('a', 'done', true)]);
    expect(notified.map((j) => j.phase)).toEqual(['failed', 'done']);
  });
});
