import { describe, expect, it } from 'vitest';
import { jobIdFromHash } from './focused-job';

describe('jobIdFromHash', () => {
  it.each<[string, string | undefined]>([
    ['#job=abc-123', 'abc-123'],
    ['#job=j%201', 'j 1'],
    ['job=abc', 'abc'],
    ['#other=1&job=x', 'x'],
    ['#job=', undefined],
    ['#', undefined],
    ['', undefined],
  ])('reads %j as %j', (hash, jobId) => {
    expect(jobIdFromHash(hash)).toBe(jobId);
  });
});
