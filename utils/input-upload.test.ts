import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api/errors';
import { makeJob } from '../tests/unit/make-job';
import { transition } from './job-machine';
import {
  DATA_URI_MAX_BYTES, inputMaxBytes, inputReference, markUploadsUnsupported, UPLOAD_MAX_BYTES, UploadsUnsupportedError,
} from './input-upload';

const bytes = (n: number, type = 'image/png') => new Blob([new Uint8Array(n)], { type });

describe('inputReference', () => {
  it('sends an input of at most 1 MB inline, without uploading', async () => {
    const client = { uploadFile: vi.fn() };
    expect(await inputReference(bytes(DATA_URI_MAX_BYTES), client, vi.fn())).toMatch(/^data:image\/png;base64,/);
    expect(client.uploadFile).not.toHaveBeenCalled();
  });

  it('uploads a larger input and sends the URL of the file', async () => {
    const client = { uploadFile: vi.fn(async () => ({ id: 'f1', url: 'https://api.replicate.com/v1/files/f1' })) };
    expect(await inputReference(bytes(DATA_URI_MAX_BYTES + 1), client, vi.fn())).toBe('https://api.replicate.com/v1/files/f1');
    expect(client.uploadFile).toHaveBeenCalledWith(expect.any(Blob), 'input.png');
  });

  it.each([
    ['404', new ApiError('not-found', 'Not found', { status: 404 })],
    ['405', new ApiError('bad-request', 'Method not allowed', { status: 405 })],
    ['501', new ApiError('server', 'Not implemented', { status: 501 })],
  ])('on %s (no Files API) remembers the endpoint and asks for an inline-sized copy', async (_status, error) => {
    const onNoUploads = vi.fn(async () => undefined);
    const client = { uploadFile: vi.fn(async () => { throw error; }) };
    await expect(inputReference(bytes(DATA_URI_MAX_BYTES + 1), client, onNoUploads)).rejects.toBeInstanceOf(UploadsUnsupportedError);
    expect(onNoUploads).toHaveBeenCalledTimes(1);
  });

  it('lets a passing failure of the upload through, to be retried like any other', async () => {
    const failure = new ApiError('server', 'Bad gateway', { status: 502, retryable: true });
    const client = { uploadFile: vi.fn(async () => { throw failure; }) };
    await expect(inputReference(bytes(DATA_URI_MAX_BYTES + 1), client, vi.fn())).rejects.toBe(failure);
  });
});

describe('the size an input is prepared to', () => {
  it('allows uploads until the endpoint has refused one, then fits a data URI', async () => {
    expect(await inputMaxBytes('https://proxy.example/v1')).toBe(UPLOAD_MAX_BYTES);
    await markUploadsUnsupported('https://proxy.example/v1');
    expect(await inputMaxBytes('https://proxy.example/v1')).toBe(DATA_URI_MAX_BYTES);
    expect(await inputMaxBytes('https://api.replicate.com/v1')).toBe(UPLOAD_MAX_BYTES);
  });
});

describe('INLINE_ONLY in the job machine', () => {
  it('sends a creating job back to be prepared inline-sized, once, with a notice', () => {
    const job = makeJob({ phase: 'creating' });
    const next = transition(job, { type: 'INLINE_ONLY' }, 5);
    expect(next).toMatchObject({ phase: 'acquiring', inlineInput: true, notice: expect.stringMatching(/no file uploads/) });
    expect(transition(next, { type: 'INLINE_ONLY' }, 6)).toBe(next);
    expect(transition({ ...next, phase: 'creating' }, { type: 'INLINE_ONLY' }, 7).phase).toBe('creating');
  });
});
