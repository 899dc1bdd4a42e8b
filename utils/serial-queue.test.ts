import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './serial-queue';

describe('serial queue', () => {
  it('runs read-modify-write cycles one after another, so none is lost', async () => {
    const serialized = createSerialQueue();
    let stored = 0;
    const increment = () =>
      serialized(async () => {
        const read = stored;
        await new Promise((resolve) => setTimeout(resolve, 1));
        stored = read + 1;
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(stored).toBe(20);
  });

  it('keeps going after a failed cycle', async () => {
    const serialized = createSerialQueue();
    await expect(serialized(async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    await expect(serialized(async () => 'next')).resolves.toBe('next');
  });
});
