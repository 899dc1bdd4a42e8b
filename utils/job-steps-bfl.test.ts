import { describe, expect, it, vi } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { createBflPredictionClient } from './api/bfl/prediction-client';
import { BFL_DATA_REMOVED_MESSAGE, BFL_REQUEST_MODERATED_MESSAGE, BFL_TASK_NOT_FOUND_MESSAGE } from './api/bfl/result';
import { ApiError } from './api/errors';
import { DATA_REMOVED_MESSAGE } from './api/prediction';
import { loadBflFixture } from './api/bfl/testing/fixtures';
import { createFakeFetch } from './api/testing/fake-fetch';
import type { Job } from './job';
import { createJobRunner } from './job-runner';
import { createJobService } from './job-service';
import { createJobSteps, viewOf } from './job-steps';
import { addJob, getJob, updateJob } from './job-store';
import { setApiKey } from './secret-store';
import { DEFAULT_SETTINGS } from './settings';
import { saveSettings } from './settings-store';

const image = { width: 800, height: 600, bytes: 100_000, type: 'image/jpeg' };
const pollingUrl = (loadBflFixture('create-ok').body as { polling_url: string }).polling_url;
const sample = (loadBflFixture('result-ready').body as { result: { sample: string } }).result.sample;

/** One worker whose provider is BFL, answering the named fixtures in order. */
function bflWorker(fixtures: string[]) {
  const fake = createFakeFetch(fixtures.map(loadBflFixture));
  const client = createBflPredictionClient({ baseUrl: 'https://api.replicate.com/v1', key: 'bfl_secret', fetch: fake.fetch });
  const clock = { now: 10_000 };
  const downloadResult = vi.fn(async () => image);
  const steps = createJobSteps({
    random: () => 0.5,
    getClient: async () => client,
    acquireInput: async () => image,
    inputImage: async () => 'data:image/jpeg;base64,AAAA',
    downloadResult,
  });
  const runner = createJobRunner({ now: () => clock.now, getJob, updateJob, steps, jobsAhead: async () => 0 });
  return { runner, clock, calls: fake.calls, downloadResult };
}

async function stored(): Promise<Job> {
  const job = await getJob('job-1');
  if (!job) throw new Error('job missing');
  return job;
}

describe('job steps with the BFL client', () => {
  it('takes a job from create through Pending to the downloaded sample, polling the URL BFL gave', async () => {
    const { runner, clock, calls, downloadResult } = bflWorker(['create-ok', 'result-pending', 'result-ready']);
    await addJob(makeJob());
    await runner.advance('job-1');
    // BFL answered the create with `cost: 4.0` credits: the job keeps it for the ledger.
    expect(await stored()).toMatchObject({ phase: 'polling', predictionId: pollingUrl, reportedCostMicros: 40_000 });
    expect(calls[0]).toMatchObject({ url: 'https://api.bfl.ai/v1/flux-kontext-pro', body: { input_image: 'AAAA', seed: 42 } });
    for (let i = 0; i < 3; i++) {
      clock.now += 2_000;
      await runner.advance('job-1');
    }
    expect(await stored()).toMatchObject({ phase: 'done', result: image });
    expect(calls.slice(1).map((c) => c.url)).toEqual([pollingUrl, pollingUrl]);
    expect(downloadResult).toHaveBeenCalledWith(expect.objectContaining({ id: 'job-1' }), sample);
  });

  it.each<[string, string, string]>([
    ['result-request-moderated', 'moderated', BFL_REQUEST_MODERATED_MESSAGE],
    ['result-task-not-found', 'data-removed', BFL_TASK_NOT_FOUND_MESSAGE],
  ])('fails the job on %s with code %s and the BFL message', async (fixture, code, message) => {
    const { runner } = bflWorker([fixture]);
    await addJob(makeJob({ phase: 'polling', predictionId: pollingUrl, remoteStatus: 'starting' }));
    await runner.advance('job-1');
    expect(await stored()).toMatchObject({ phase: 'failed', error: { code, message } });
  });

  it.each([
    ['bfl', BFL_DATA_REMOVED_MESSAGE, /ten minutes/],
    ['replicate', DATA_REMOVED_MESSAGE, /an hour/],
  ] as const)('fails a %s job whose result is gone when downloaded as removed, with that provider’s keeping time', async (provider, message, time) => {
    const { runner, downloadResult } = bflWorker([]);
    downloadResult.mockRejectedValueOnce(new ApiError('not-found', 'The provider no longer has this result.', { status: 403, retryable: false }));
    await addJob(makeJob({ provider, phase: 'downloading', predictionId: pollingUrl, remoteStatus: 'succeeded', outputUrl: sample }));
    await runner.advance('job-1');
    expect(await stored()).toMatchObject({ phase: 'failed', error: { code: 'data-removed', message } });
    expect(message).toMatch(time);
  });

  it('fails a create whose answer was lost as unknown instead of creating twice (BFL has no list)', async () => {
    const { runner, calls } = bflWorker([]);
    await addJob(makeJob({ phase: 'creating', image, createSentAt: 5_000 }));
    await runner.advance('job-1');
    expect(await stored()).toMatchObject({ phase: 'failed', error: { code: 'create-unknown' } });
    expect(calls).toHaveLength(0);
  });
});

describe('viewOf', () => {
  it('classifies a client without its own classifier the shared (Replicate) way', () => {
    const replicate = { classify: undefined } as unknown as Parameters<typeof viewOf>[0];
    const view = viewOf(replicate, { id: 'p1', status: 'failed', error: 'E005: flagged as sensitive' });
    expect(view).toMatchObject({ id: 'p1', status: 'failed', failure: { code: 'moderated' } });
  });
});

describe('job service provider choice', () => {
  async function clientFor(provider: 'replicate' | 'bfl') {
    await saveSettings({ ...DEFAULT_SETTINGS, provider });
    await setApiKey('the_key');
    const urls: string[] = [];
    const headers: Headers[] = [];
    const fetch = async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      urls.push(String(url));
      headers.push(new Headers(init?.headers));
      const body = String(url).endsWith('/credits') ? { credits: 3 } : { username: 'u' };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const service = createJobService({
      now: () => 0, random: () => 0.5, newId: () => 'x', fetch, recordDiagnostic: async () => undefined,
      io: { acquireInput: async () => image, inputImage: async () => '', downloadResult: async () => image },
    });
    const client = await service.getClient();
    await client?.getAccount();
    return { client, urls, headers, service };
  }

  it('uses BFL (api.bfl.ai, x-key) when the provider is bfl and the base URL is left at its default', async () => {
    const { client, urls, headers } = await clientFor('bfl');
    expect(urls).toEqual(['https://api.bfl.ai/v1/credits']);
    expect(headers[0]?.get('x-key')).toBe('the_key');
    expect(headers[0]?.has('authorization')).toBe(false);
    expect(client?.classify).toBeTypeOf('function');
  });

  it('gives a job the key of the provider it started with after the user switched provider', async () => {
    await setApiKey('bfl_own_key', 'bfl');
    const { urls, headers, service } = await clientFor('replicate');
    const client = await service.getClient({ provider: 'bfl' });
    await client?.getAccount();
    expect(urls).toEqual(['https://api.replicate.com/v1/account', 'https://api.bfl.ai/v1/credits']);
    expect(headers[0]?.get('authorization')).toBe('Bearer the_key');
    expect(headers[1]?.get('x-key')).toBe('bfl_own_key');
  });

  it('keeps a Replicate job at the proxy it started with after the user switched to BFL', async () => {
    await setApiKey('r8_proxy_key', 'replicate');
    const { urls, service } = await clientFor('bfl');
    await saveSettings({ ...DEFAULT_SETTINGS, provider: 'bfl', baseUrl: 'https://api.bfl.ai/v1', otherBaseUrls: { replicate: 'https://proxy.example.com/v1' } });
    await (await service.getClient({ provider: 'replicate' }))?.getAccount();
    expect(urls.at(-1)).toBe('https://proxy.example.com/v1/account');
  });

  it('has no client for a provider whose key is not saved', async () => {
    const { service } = await clientFor('replicate');
    expect(await service.getClient({ provider: 'bfl' })).toBeUndefined();
  });

  it('keeps Replicate (Bearer token, no classifier of its own) by default', async () => {
    const { client, urls, headers } = await clientFor('replicate');
    expect(urls).toEqual(['https://api.replicate.com/v1/account']);
    expect(headers[0]?.get('authorization')).toBe('Bearer the_key');
    expect(client?.classify).toBeUndefined();
  });
});
