import { describe, expect, it } from 'vitest';
import { isTerminal } from '../prediction';
import { createFakeFetch } from '../testing/fake-fetch';
import { bflBaseUrlFor, createBflPredictionClient } from './prediction-client';
import { BFL_CONTENT_MODERATED_MESSAGE, BFL_TASK_NOT_FOUND_MESSAGE } from './result';
import { loadBflFixture } from './testing/fixtures';

const created = loadBflFixture('create-ok').body as { polling_url: string };

function setup(names: string[], baseUrl = 'https://api.replicate.com/v1') {
  const fake = createFakeFetch(names.map(loadBflFixture));
  return { client: createBflPredictionClient({ baseUrl, key: 'bfl_secret', fetch: fake.fetch }), calls: fake.calls };
}

describe('bflBaseUrlFor', () => {
  it("uses BFL's API in place of Replicate's untouched default, and keeps any other base", () => {
    expect(bflBaseUrlFor('https://api.replicate.com/v1/')).toBe('https://api.bfl.ai/v1');
    expect(bflBaseUrlFor('http://127.0.0.1:8797/v1')).toBe('http://127.0.0.1:8797/v1');
  });
});

describe('createBflPredictionClient', () => {
  it('creates at BFL for a Replicate-style model name; the id is the polling URL as given', async () => {
    const { client, calls } = setup(['create-ok']);
    const p = await client.createPrediction('black-forest-labs/flux-kontext-max', { prompt: 'p', seed: 3, input_image: 'data:image/png;base64,AAAA' });
    expect(calls[0]?.url).toBe('https://api.bfl.ai/v1/flux-kontext-max');
    expect(p).toMatchObject({ id: created.polling_url, status: 'starting', input: { prompt: 'p', seed: 3 } });
    expect(client.classify(p)).toEqual({ kind: 'running' });
  });

  it('refuses a model BFL does not offer without sending', async () => {
    const { client, calls } = setup([]);
    await expect(client.createPrediction('black-forest-labs/flux-kontext-dev', { prompt: 'p' })).rejects.toMatchObject({ kind: 'bad-request' });
    expect(calls).toHaveLength(0);
  });

  it('polls the id (the polling URL) and reports Ready as succeeded with the sample', async () => {
    const { client, calls } = setup(['result-ready']);
    const p = await client.getPrediction(created.polling_url);
    expect(calls[0]?.url).toBe(created.polling_url);
    expect(p.status).toBe('succeeded');
    expect(client.classify(p)).toEqual({ kind: 'succeeded', urls: [p.output] });
  });

  it.each<[string, string, string]>([
    ['result-content-moderated', 'moderated', BFL_CONTENT_MODERATED_MESSAGE],
    ['result-task-not-found', 'data-removed', BFL_TASK_NOT_FOUND_MESSAGE],
  ])('reports %s as a final failure (%s) with its BFL message', async (name, reason, message) => {
    const { client } = setup([name]);
    const p = await client.getPrediction(created.polling_url);
    expect(isTerminal(p.status)).toBe(true);
    expect(client.classify(p)).toEqual({ kind: 'failed', reason, message });
  });

  it('keeps Pending non-terminal', async () => {
    const { client } = setup(['result-pending']);
    expect(isTerminal((await client.getPrediction(created.polling_url)).status)).toBe(false);
  });

  it('cannot cancel, list or upload, each with an error the job steps already handle', async () => {
    const { client, calls } = setup([]);
    await expect(client.cancelPrediction(created.polling_url)).rejects.toMatchObject({ kind: 'bad-request', retryable: false });
    await expect(client.listPredictions()).rejects.toMatchObject({ kind: 'not-found' });
    await expect(client.uploadFile(new Blob(['x']), 'input.png')).rejects.toMatchObject({ kind: 'not-found' });
    expect(calls).toHaveLength(0);
  });

  it('checks the key through the credits endpoint and shows the balance', async () => {
    const { client, calls } = setup(['credits']);
    expect(await client.getAccount()).toEqual({ username: 'Black Forest Labs', name: '1234.5 credits left', type: 'bfl' });
    expect(calls[0]?.url).toBe('https://api.bfl.ai/v1/credits');
  });
});
