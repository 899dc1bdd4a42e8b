import { describe, expect, it, vi } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { BADGE_COLOR, BADGE_ERROR_COLOR, badgeFor, createBadgeController, lastFailureAt } from './badge';

const failedAt = (id: string, completedAt: number) =>
  makeJob({ id, phase: 'failed', updatedAt: completedAt, completedAt, error: { code: 'server', message: 'Provider error.' } });

describe('toolbar badge', () => {
  it('counts the jobs still running', () => {
    const jobs = [
      makeJob({ id: 'a', phase: 'polling' }),
      makeJob({ id: 'b', phase: 'acquiring' }),
      makeJob({ id: 'c', phase: 'done' }),
      makeJob({ id: 'd', phase: 'failed' }),
    ];
    expect(badgeFor(jobs, Date.now())).toEqual({ text: '2', color: BADGE_COLOR });
  });

  it('is empty when nothing runs', () => {
    expect(badgeFor([makeJob({ phase: 'canceled' })], 0).text).toBe('');
  });

  it.each<[string, number, { text: string; color: string }]>([
    ['newer than the last look, nothing running: red "!"', 4_000, { text: '!', color: BADGE_ERROR_COLOR }],
    ['seen at the moment it failed', 5_000, { text: '', color: BADGE_COLOR }],
    ['seen after it failed', 9_000, { text: '', color: BADGE_COLOR }],
  ])('a failure %s', (_name, seen, badge) => {
    expect(badgeFor([failedAt('f', 5_000), makeJob({ id: 'd', phase: 'done' })], seen)).toEqual(badge);
  });

  it('keeps the running count, in red, while an unseen failure exists', () => {
    const jobs = [failedAt('f', 5_000), makeJob({ id: 'a', phase: 'polling' }), makeJob({ id: 'b', phase: 'creating' })];
    expect(badgeFor(jobs, 1_000)).toEqual({ text: '2', color: BADGE_ERROR_COLOR });
  });

  it('dates a failure by updatedAt when it has no completedAt', () => {
    const job = makeJob({ phase: 'failed', updatedAt: 7_000, completedAt: undefined });
    expect(lastFailureAt([job])).toBe(7_000);
    expect(badgeFor([job], 6_999).color).toBe(BADGE_ERROR_COLOR);
  });

  it('goes back to normal when the failed job is retried or deleted', () => {
    expect(badgeFor([makeJob({ id: 'f', phase: 'acquiring', updatedAt: 9_000 })], 0)).toEqual({ text: '1', color: BADGE_COLOR });
    expect(badgeFor([], 0)).toEqual({ text: '', color: BADGE_COLOR });
  });

  it('treats every failure as seen without a timestamp', () => {
    expect(badgeFor([failedAt('f', 5_000)]).color).toBe(BADGE_COLOR);
  });
});

describe('createBadgeController', () => {
  it('waits for both the jobs and the seen timestamp, then follows either', () => {
    const apply = vi.fn();
    const badge = createBadgeController(apply);
    badge.setJobs([failedAt('f', 5_000)]);
    expect(apply).not.toHaveBeenCalled();
    badge.setSeenFailuresUntil(1_000);
    expect(apply).toHaveBeenLastCalledWith({ text: '!', color: BADGE_ERROR_COLOR });
    badge.setSeenFailuresUntil(6_000);
    expect(apply).toHaveBeenLastCalledWith({ text: '', color: BADGE_COLOR });
    badge.setJobs([failedAt('f', 5_000), failedAt('g', 8_000), makeJob({ id: 'a', phase: 'polling' })]);
    expect(apply).toHaveBeenLastCalledWith({ text: '1', color: BADGE_ERROR_COLOR });
    expect(apply).toHaveBeenCalledTimes(3);
  });
});
