import { describe, expect, it } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { badgeFor } from './badge';

describe('toolbar badge', () => {
  it('counts the jobs still running', () => {
    const jobs = [
      makeJob({ id: 'a', phase: 'polling' }),
      makeJob({ id: 'b', phase: 'acquiring' }),
      makeJob({ id: 'c', phase: 'done' }),
      makeJob({ id: 'd', phase: 'failed' }),
    ];
    expect(badgeFor(jobs).text).toBe('2');
  });

  it('is empty when nothing runs', () => {
    expect(badgeFor([makeJob({ phase: 'canceled' })]).text).toBe('');
  });
});
