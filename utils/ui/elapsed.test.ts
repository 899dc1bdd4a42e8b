import { describe, expect, it } from 'vitest';
import { formatDuration, jobElapsedMs } from './elapsed';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-500, '0 s'],
    [4_900, '4 s'],
    [65_000, '1 min 05 s'],
    [3_600_000 + 3 * 60_000, '1 h 03 min'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('jobElapsedMs', () => {
  const job = { createdAt: 1_000, updatedAt: 9_000, completedAt: 7_000 };

  it('counts up to now while the job runs', () => {
    expect(jobElapsedMs(job, false, 20_000)).toBe(19_000);
  });

  it('stops at completion once finished, falling back to the last update', () => {
    expect(jobElapsedMs(job, true, 20_000)).toBe(6_000);
    expect(jobElapsedMs({ createdAt: 1_000, updatedAt: 9_000 }, true, 20_000)).toBe(8_000);
  });
});
