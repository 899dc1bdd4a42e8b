import { describe, expect, it, vi } from 'vitest';
import { withRetries } from './retry';

describe('withRetries', () => {
  it('returns the first success, waiting between failures', async () => {
    const work = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('busy')).mockResolvedValueOnce('done');
    const sleep = vi.fn(async () => {});
    await expect(withRetries(work, [100, 300], sleep)).resolves.toBe('done');
    expect(work).toHaveBeenCalledTimes(2);
    expect(sleep).toHaveBeenCalledWith(100);
  });

  it('gives up after the last delay with the last error', async () => {
    const work = vi.fn(async () => Promise.reject(new Error('still busy')));
    await expect(withRetries(work, [1, 1], async () => {})).rejects.toThrow('still busy');
    expect(work).toHaveBeenCalledTimes(3);
  });
});
