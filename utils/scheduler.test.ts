import { describe, expect, it, vi } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { createScheduler, JOBS_ALARM, nextWakeAt, WATCHDOG_MS } from './scheduler';

const NOW = 100_000;

function scheduler() {
  const deps = {
    now: () => NOW,
    createAlarm: vi.fn(),
    clearAlarm: vi.fn(),
    setTimer: vi.fn((_callback: () => void, _ms: number) => 'timer'),
    clearTimer: vi.fn(),
    onDue: vi.fn(),
  };
  return { deps, scheduler: createScheduler(deps) };
}

describe('scheduler', () => {
  it('wakes for the earliest due job', () => {
    const jobs = [makeJob({ id: 'a', phase: 'polling', dueAt: NOW + 5_000 }), makeJob({ id: 'b', phase: 'polling', dueAt: NOW + 2_000 })];
    expect(nextWakeAt(jobs, NOW)).toBe(NOW + 2_000);
  });

  it('keeps a watchdog on a job that is mid-request, so a dead worker is restarted', () => {
    expect(nextWakeAt([makeJob({ phase: 'creating', createSentAt: NOW })], NOW)).toBe(NOW + WATCHDOG_MS);
  });

  it('needs no wake-up once every job is finished', () => {
    expect(nextWakeAt([makeJob({ phase: 'done' }), makeJob({ phase: 'failed' })], NOW)).toBeUndefined();
  });

  it('arms the alarm and a timer for a due job', async () => {
    const { deps, scheduler: s } = scheduler();
    await s.rearm([makeJob({ phase: 'polling', dueAt: NOW + 3_000 })]);
    expect(deps.createAlarm).toHaveBeenCalledWith(JOBS_ALARM, NOW + 3_000);
    expect(deps.setTimer).toHaveBeenCalledWith(expect.any(Function), 3_000);
    deps.setTimer.mock.calls[0]?.[0]();
    expect(deps.onDue).toHaveBeenCalled();
  });

  it('arms the next watchdog before resuming when the alarm fires while a job is mid-request', async () => {
    // A fired alarm is spent, and a job whose request is still in flight writes nothing that would
    // re-arm it: without a new alarm, a worker that dies now is never restarted.
    const { deps, scheduler: s } = scheduler();
    await s.onAlarm([makeJob({ phase: 'creating', createSentAt: NOW - WATCHDOG_MS })]);
    expect(deps.createAlarm).toHaveBeenCalledWith(JOBS_ALARM, NOW + WATCHDOG_MS);
    expect(deps.onDue).toHaveBeenCalledOnce();
    expect(deps.createAlarm.mock.invocationCallOrder[0]).toBeLessThan(deps.onDue.mock.invocationCallOrder[0] ?? 0);
  });

  it('keeps only a watchdog on a job past its due time: it is being worked on, not waiting', async () => {
    // E.g. a create sent after a 429's wait: re-arming on every alarm must not make a 1 s loop of it.
    const { deps, scheduler: s } = scheduler();
    await s.onAlarm([makeJob({ phase: 'creating', createSentAt: NOW - 2_000, dueAt: NOW - 3_000 })]);
    expect(deps.createAlarm).toHaveBeenCalledWith(JOBS_ALARM, NOW + WATCHDOG_MS);
    expect(deps.setTimer).not.toHaveBeenCalled();
    expect(deps.onDue).toHaveBeenCalled();
  });

  it('keeps the timer for a future wait when another job is already past due', async () => {
    const { deps, scheduler: s } = scheduler();
    await s.rearm([makeJob({ id: 'held', phase: 'creating', dueAt: NOW - 500 }), makeJob({ id: 'head', phase: 'creating', dueAt: NOW + 4_000 })]);
    expect(deps.setTimer).toHaveBeenCalledWith(expect.any(Function), 4_000);
    expect(deps.onDue).toHaveBeenCalledTimes(1);
  });

  it('clears the alarm when nothing is left to do', async () => {
    const { deps, scheduler: s } = scheduler();
    await s.rearm([makeJob({ phase: 'polling', dueAt: NOW + 3_000 })]);
    await s.rearm([makeJob({ phase: 'done' })]);
    expect(deps.clearAlarm).toHaveBeenCalledWith(JOBS_ALARM);
    expect(deps.clearTimer).toHaveBeenCalledWith('timer');
  });
});
