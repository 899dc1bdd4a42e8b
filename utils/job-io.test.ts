import { describe, expect, it, vi } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { isApiError } from './api/errors';
import { fetchOutput, smallerLimits } from './job-io';

describe('preparing a smaller input', () => {
  it('keeps the usual limits until the provider refused the request as too large', () => {
    expect(smallerLimits(makeJob({ image: { width: 2000, height: 1000, bytes: 900_000, type: 'image/jpeg' } }))).toBeUndefined();
  });

  it('asks for a quarter of the pixels and half the bytes of what was sent', () => {
    const job = makeJob({ smallerInput: true, image: { width: 2000, height: 1000, bytes: 900_000, type: 'image/jpeg' } });
    expect(smallerLimits(job)).toEqual({ maxPixels: 500_000, maxBytes: 450_000 });
  });
});

describe('fetching an output file', () => {
  const answering = (status: number) => async () => new Response(status === 200 ? new Uint8Array([1, 2, 3]) : 'AuthenticationFailed', { status, headers: { 'content-type': status === 200 ? 'image/png' : 'application/xml' } });
  const failure = async (status: number, provider: 'replicate' | 'bfl') => fetchOutput('https://delivery-eu1.bfl.ai/results/x/sample.png?se=1', provider, answering(status)).then(() => undefined, (e: unknown) => e);

  it('reads a lapsed Black Forest Labs link (403) as a result that is gone, not to be retried', async () => {
    const error = await failure(403, 'bfl');
    expect(isApiError(error) && { kind: error.kind, retryable: error.retryable }).toEqual({ kind: 'not-found', retryable: false });
  });

  it('still retries a 403 from Replicate’s delivery host', async () => {
    const error = await failure(403, 'replicate');
    expect(isApiError(error) && { kind: error.kind, retryable: error.retryable }).toEqual({ kind: 'server', retryable: true });
  });

  it.each([[404, 'replicate'], [404, 'bfl'], [410, 'replicate'], [410, 'bfl']] as const)('reads %i from %s as gone', async (status, provider) => {
    expect(await failure(status, provider)).toMatchObject({ kind: 'not-found', retryable: false });
  });

  it('keeps the bytes of a good answer, fetched without credentials', async () => {
    const fetchFn = vi.fn(answering(200));
    const blob = await fetchOutput('https://delivery-eu1.bfl.ai/s.png', 'bfl', fetchFn);
    expect([blob.type, blob.size]).toEqual(['image/png', 3]);
    expect(fetchFn).toHaveBeenCalledWith('https://delivery-eu1.bfl.ai/s.png', expect.objectContaining({ credentials: 'omit' }));
  });
});
