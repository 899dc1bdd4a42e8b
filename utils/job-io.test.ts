import { describe, expect, it } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { smallerLimits } from './job-io';

describe('preparing a smaller input', () => {
  it('keeps the usual limits until the provider refused the request as too large', () => {
    expect(smallerLimits(makeJob({ image: { width: 2000, height: 1000, bytes: 900_000, type: 'image/jpeg' } }))).toBeUndefined();
  });

  it('asks for a quarter of the pixels and half the bytes of what was sent', () => {
    const job = makeJob({ smallerInput: true, image: { width: 2000, height: 1000, bytes: 900_000, type: 'image/jpeg' } });
    expect(smallerLimits(job)).toEqual({ maxPixels: 500_000, maxBytes: 450_000 });
  });
});
