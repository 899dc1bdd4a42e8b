import { describe, expect, it } from 'vitest';
import { assessStorage, formatStorageBytes } from './storage-health';

const MB = 1_000_000;
const GB = 1_000 * MB;

describe('assessStorage', () => {
  it.each([
    ['plenty left', { usage: 2 * GB, quota: 100 * GB }, 'ok'],
    ['just over 500 MB and 10 % left', { usage: 4_400 * MB, quota: 5 * GB }, 'ok'],
    ['under 500 MB left of a large quota', { usage: 99_600 * MB, quota: 100 * GB }, 'low'],
    ['under 10 % (and over 500 MB) left of a 10 GB quota', { usage: 9_200 * MB, quota: 10 * GB }, 'low'],
    ['under 10 % left of a small quota', { usage: 1_850 * MB, quota: 2 * GB }, 'low'],
    ['under 100 MB left', { usage: 99_950 * MB, quota: 100 * GB }, 'critical'],
    ['under 2 % left of a 10 GB quota', { usage: 9_850 * MB, quota: 10 * GB }, 'critical'],
    ['tens of GB left of a huge quota, however small the share', { usage: 980 * GB, quota: 1_000 * GB }, 'ok'],
    ['under 2 GB left of a huge quota', { usage: 998.5 * GB, quota: 1_000 * GB }, 'low'],
    ['more used than the quota', { usage: 3 * GB, quota: 2 * GB }, 'critical'],
    ['no quota reported', { usage: 5 * MB }, 'unknown'],
    ['a zero quota', { usage: 0, quota: 0 }, 'unknown'],
  ] as const)('%s is %s', (_name, estimate, level) => {
    expect(assessStorage(estimate).level).toBe(level);
  });

  it('says how much is left and what to do when low', () => {
    const health = assessStorage({ usage: 99_600 * MB, quota: 100 * GB });
    expect(health.free).toBe(400 * MB);
    expect(health.message).toBe('Storage is running low: 400 MB left. Export your history (Settings → History and storage), then delete older edits.');
  });

  it('warns that new results may not be kept when critical', () => {
    expect(assessStorage({ usage: 99_950 * MB, quota: 100 * GB }).message).toMatch(/^Storage is almost full: only 50 MB left, and new results may not be kept\. Export your history/);
  });

  it('gives the usage and quota when all is well', () => {
    expect(assessStorage({ usage: 12_345_678, quota: 250 * GB }).message).toBe('12.3 MB used of 250 GB available.');
  });
});

describe('formatStorageBytes', () => {
  it.each([
    [0, '0 bytes'],
    [999, '999 bytes'],
    [1_500, '1.5 kB'],
    [820_000, '820 kB'],
    [1_250_000_000, '1.3 GB'],
    [3.5e12, '3.5 TB'],
  ])('%d bytes reads %s', (bytes, text) => {
    expect(formatStorageBytes(bytes)).toBe(text);
  });
});
