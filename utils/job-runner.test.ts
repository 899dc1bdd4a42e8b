import { describe, expect, it, vi } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import type { PredictionClient } from './api/client';
import { ApiError } from './api/errors';
import type { Prediction } from './api/prediction';
import type { Job } from './job';
import { createJobRunner } from './job-runner';
import { createJobSteps } from './job-steps';
import { addJob, getJob, updateJob } from './job-store';

const image = { width: 800, height: 600, bytes: 100_000, type: 'image/jpeg' };

function prediction(status: Prediction['status'], extra: Partial<Prediction> = {}): Prediction {
  return { id: 'p1', status, input: { seed: 42, prompt: 'make this a 90s cartoon' }, ...extra };
}

/** A fake provider whose answers each test scripts; unscripted calls fail the test. */
function fakeClient(overrides: Partial<PredictionClient> = {}): PredictionClient {
  const unexpected = (name: string) => vi.fn(() => Promise.reject(new Error(`unexpected ${name}`)));
  return {
    createPrediction: unexpected('create'),
    getPrediction: unexpected('get'),
    cancelPrediction: unexpected('cancel'),
    listPredictions: unexpected('list'),
    getAccount: unexpected('account'),
    uploadFile: unexpected('upload'),
    ...overrides,
  };
}

/** One background "worker": a runner over the real job store with a fake clock and provider. */
function worker(client: PredictionClient | undefined, clock = { now: 10_000 }, ahead = 0) {
  const downloadResult = vi.fn(async () => image);
  const steps = createJobSteps({
    random: () => 0.5,
    getClient: async () => client,
    acquireInput: async () => image,
    inputImage: async () => 'data:image/jpeg;base64,AAAA',
    downloadResult,
  });
  const runner = createJobRunner({ now: () => clock.now, getJob, updateJob, steps, jobsAhead: async () => ahead });
  return { runner, clock, downloadResult };
}

async function stored(id = 'job-1'): Promise<Job> {
  const job = await getJob(id);
  if (!job) throw new Error('job missing');
  return job;
}

describe('job runner', () => {
  it('takes a job from the click to a downloaded result', async () => {
    const client = fakeClient({
      createPrediction: vi.fn(async () => prediction('starting')),
      getPrediction: vi.fn()
        .mockResolvedValueOnce(prediction('processing'))
        .mockResolvedValueOnce(prediction('succeeded', { output: 'https://replicate.delivery/x/out.png' })),
    });
    const { runner, clock, downloadResult } = worker(client);
    await addJob(makeJob());

    await runner.advance('job-1');
    expect(await stored()).toMatchObject({ phase: 'polling', predictionId: 'p1', remoteStatus: 'starting' });

    clock.now += 1_000;
    await runner.advance('job-1');
    expect((await stored()).remoteStatus).toBe('processing');

    clock.now += 1_000;
    await runner.advance('job-1');
    expect(await stored()).toMatchObject({ phase: 'done', result: image });
    expect(downloadResult).toHaveBeenCalledWith(expect.objectContaining({ id: 'job-1' }), 'https://replicate.delivery/x/out.png');
    expect(client.createPrediction).toHaveBeenCalledTimes(1);
    expect(client.createPrediction).toHaveBeenCalledWith(
      'black-forest-labs/flux-kontext-pro',
      expect.objectContaining({ prompt: 'make this a 90s cartoon', input_image: 'data:image/jpeg;base64,AAAA', seed: 42 }),
      expect.objectContaining({ waitSeconds: 25, cancelAfter: '5m' }),
    );
  });

  it('does not poll before the next poll is due', async () => {
    const client = fakeClient({ getPrediction: vi.fn(async () => prediction('processing')) });
    const { runner } = worker(client);
    await addJob(makeJob({ phase: 'polling', predictionId: 'p1', dueAt: 20_000 }));
    await runner.advance('job-1');
    expect(client.getPrediction).not.toHaveBeenCalled();
  });

  it('finds the prediction of a create whose worker died instead of creating a second one', async () => {
    const hanging = fakeClient({ createPrediction: vi.fn(() => new Promise<Prediction>(() => {})) });
    const first = worker(hanging);
    await addJob(makeJob({ phase: 'creating', image }));
    void first.runner.advance('job-1');
    await vi.waitFor(async () => expect((await stored()).createSentAt).toBe(10_000));

    // The worker is gone; a new one starts with the record as stored.
    const client = fakeClient({
      listPredictions: vi.fn(async () => [prediction('processing', { id: 'other', input: { seed: 7, prompt: 'x' } }), prediction('processing')]),
    });
    const second = worker(client, { now: 15_000 });
    await second.runner.advance('job-1');
    expect(client.createPrediction).not.toHaveBeenCalled();
    expect(await stored()).toMatchObject({ phase: 'polling', predictionId: 'p1' });
  });

  it('creates again when the lost create never reached the provider', async () => {
    const client = fakeClient({
      listPredictions: vi.fn(async () => []),
      createPrediction: vi.fn(async () => prediction('starting', { id: 'p2' })),
    });
    const { runner } = worker(client);
    await addJob(makeJob({ phase: 'creating', image, createSentAt: 5_000 }));
    await runner.advance('job-1');
    expect(client.createPrediction).toHaveBeenCalledTimes(1);
    expect(await stored()).toMatchObject({ phase: 'polling', predictionId: 'p2' });
  });

  it('fails clearly, without re-creating, when the endpoint cannot list predictions', async () => {
    const client = fakeClient({ listPredictions: vi.fn(async () => Promise.reject(new ApiError('not-found', 'Not found'))) });
    const { runner } = worker(client);
    await addJob(makeJob({ phase: 'creating', image, createSentAt: 5_000 }));
    await runner.advance('job-1');
    expect(client.createPrediction).not.toHaveBeenCalled();
    expect(await stored()).toMatchObject({ phase: 'failed', error: { code: 'create-unknown' } });
  });

  it('looks for the prediction after a create that may have reached the provider', async () => {
    const client = fakeClient({
      createPrediction: vi.fn(async () => Promise.reject(new ApiError('network', 'Connection lost', { mayHaveCreated: true }))),
    });
    const { runner } = worker(client);
    await addJob(makeJob({ phase: 'creating', image }));
    await runner.advance('job-1');
    const job = await stored();
    expect(job).toMatchObject({ phase: 'creating', createSentAt: 10_000, attempts: 1 });
    expect(job.dueAt).toBeGreaterThan(10_000);
  });

  it('waits as told after a rate-limited create, and the next attempt creates', async () => {
    const client = fakeClient({
      createPrediction: vi.fn(async () => Promise.reject(new ApiError('rate-limited', 'Rate limited', { status: 429, retryAfterMs: 30_000 }))),
    });
    const { runner } = worker(client);
    await addJob(makeJob({ phase: 'creating', image }));
    await runner.advance('job-1');
    const job = await stored();
    expect(job).toMatchObject({ phase: 'creating', dueAt: 40_000, notice: 'Rate limited' });
    expect(job.createSentAt).toBeUndefined();
  });

  it.each([
    ['unauthenticated', new ApiError('unauthenticated', 'The API key was refused.', { status: 401 })],
    ['insufficient-credit', new ApiError('insufficient-credit', 'No credit left.', { status: 402 })],
    ['invalid-input', new ApiError('invalid-input', 'input.seed is wrong', { status: 422 })],
  ])('fails a create refused with %s, keeping the provider message', async (code, error) => {
    const client = fakeClient({ createPrediction: vi.fn(async () => Promise.reject(error)) });
    const { runner } = worker(client);
    await addJob(makeJob({ phase: 'creating', image }));
    await runner.advance('job-1');
    expect(await stored()).toMatchObject({ phase: 'failed', error: { code, message: error.message } });
  });

  it('fails with the moderation message when the provider flags the edit', async () => {
    const client = fakeClient({
      createPrediction: vi.fn(async () => prediction('failed', { error: 'Prediction failed: flagged as sensitive. (E005)' })),
    });
    const { runner } = worker(client);
    await addJob(makeJob({ phase: 'creating', image }));
    await runner.advance('job-1');
    expect(await stored()).toMatchObject({ phase: 'failed', error: { code: 'moderated', message: expect.stringContaining('E005') as string } });
  });

  it('says the provider deleted the result when the output is gone', async () => {
    const { runner, downloadResult } = worker(fakeClient());
    downloadResult.mockRejectedValueOnce(new ApiError('not-found', 'gone', { status: 404, retryable: false }));
    await addJob(makeJob({ phase: 'downloading', predictionId: 'p1', outputUrl: 'https://replicate.delivery/x.png' }));
    await runner.advance('job-1');
    expect(await stored()).toMatchObject({ phase: 'failed', error: { code: 'data-removed' } });
  });

  it('cancels at the provider and shows canceled once it confirms', async () => {
    const client = fakeClient({ cancelPrediction: vi.fn(async () => prediction('canceled')) });
    const { runner } = worker(client);
    await addJob(makeJob({ phase: 'polling', predictionId: 'p1', cancelRequested: true }));
    await runner.advance('job-1');
    expect(client.cancelPrediction).toHaveBeenCalledWith('p1');
    expect((await stored()).phase).toBe('canceled');
  });

  it('waits for its turn instead of creating when earlier jobs hold the slots', async () => {
    const client = fakeClient({ createPrediction: vi.fn(async () => prediction('starting')) });
    const { runner } = worker(client, { now: 10_000 }, 2);
    await addJob(makeJob({ phase: 'creating', image }));
    await runner.advance('job-1');
    expect(client.createPrediction).not.toHaveBeenCalled();
    expect(await stored()).toMatchObject({ phase: 'creating', notice: 'Waiting for 2 earlier edits to start.' });
  });

  it('prepares a smaller image once when the provider finds the request too large, then creates', async () => {
    const tooLarge = new ApiError('bad-request', 'Too large', { status: 400, detail: 'Failed to parse request body as JSON: EOF' });
    const client = fakeClient({
      createPrediction: vi.fn<PredictionClient['createPrediction']>().mockRejectedValueOnce(tooLarge).mockResolvedValueOnce(prediction('starting')),
    });
    const { runner } = worker(client);
    await addJob(makeJob({ phase: 'creating', image }));
    await runner.advance('job-1');
    expect(client.createPrediction).toHaveBeenCalledTimes(2);
    expect(await stored()).toMatchObject({ phase: 'polling', smallerInput: true });
  });

  it('fails with a pointer to the options page when no key is saved', async () => {
    const { runner } = worker(undefined);
    await addJob(makeJob({ phase: 'creating', image }));
    await runner.advance('job-1');
    expect(await stored()).toMatchObject({ phase: 'failed', error: { code: 'no-key' } });
  });

  it('runs one job only once at a time within a worker', async () => {
    let release: (p: Prediction) => void = () => {};
    const client = fakeClient({ createPrediction: vi.fn(() => new Promise<Prediction>((resolve) => (release = resolve))) });
    const { runner } = worker(client);
    await addJob(makeJob({ phase: 'creating', image }));
    const first = runner.advance('job-1');
    await vi.waitFor(() => expect(client.createPrediction).toHaveBeenCalled());
    await runner.advance('job-1');
    release(prediction('starting'));
    await first;
    expect(client.createPrediction).toHaveBeenCalledTimes(1);
  });
});
