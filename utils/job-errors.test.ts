import { describe, expect, it, vi } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { ApiError } from './api/errors';
import { eventForError, isQuotaExceeded, STORAGE_FULL_MESSAGE, toJobError } from './job-errors';
import { transition } from './job-machine';
import { createJobSteps } from './job-steps';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('a full storage', () => {
  it.each([
    ['IndexedDB\'s QuotaExceededError', quotaError(), true],
    ['old Firefox\'s quota error', new DOMException('quota', 'NS_ERROR_DOM_QUOTA_REACHED'), true],
    ['a plain object named like it (another realm)', { name: 'QuotaExceededError', message: 'full' }, true],
    ['an abort', new DOMException('aborted', 'AbortError'), false],
    ['a network failure', new ApiError('network', 'offline'), false],
    ['a string', 'QuotaExceededError', false],
  ])('recognises %s: %s', (_name, error, expected) => {
    expect(isQuotaExceeded(error)).toBe(expected);
  });

  it('fails the job at once, saying storage is full and what to do, rather than retrying', () => {
    expect(eventForError(quotaError(), 0.5)).toEqual({ type: 'FAILED', error: { code: 'download', message: STORAGE_FULL_MESSAGE } });
    expect(STORAGE_FULL_MESSAGE).toMatch(/Storage is full.*Export your history.*delete older edits.*Retry/);
    expect(toJobError(new Error('other')).code).toBe('unexpected');
  });

  it('when the result cannot be stored, Retry downloads the same output again without a new prediction', async () => {
    const steps = createJobSteps({
      random: () => 0.5,
      getClient: async () => undefined,
      acquireInput: vi.fn(),
      inputImage: vi.fn(),
      downloadResult: vi.fn(async () => Promise.reject(quotaError())),
    });
    const downloading = makeJob({ phase: 'downloading', predictionId: 'p1', outputUrl: 'https://replicate.delivery/x/out.png' });

    const failed = transition(downloading, await steps.download(downloading, async () => true), 5_000);
    expect(failed).toMatchObject({ phase: 'failed', error: { code: 'download', message: STORAGE_FULL_MESSAGE } });

    const retried = transition(failed, { type: 'RETRY', seed: 7 }, 6_000);
    expect(retried).toMatchObject({ phase: 'downloading', predictionId: 'p1', outputUrl: 'https://replicate.delivery/x/out.png' });
  });
});
