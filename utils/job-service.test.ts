import { describe, expect, it } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { createJobService } from './job-service';
import { addJob, getJobs } from './job-store';
import { setApiKey } from './secret-store';
import { DEFAULT_SETTINGS } from './settings';
import { saveSettings } from './settings-store';

const image = { width: 800, height: 600, bytes: 100_000, type: 'image/jpeg' };

/** A service whose provider records the prompt of each create in the order the requests left. */
function serviceRecordingCreates() {
  const sent: string[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as { input: { prompt: string } };
    sent.push(body.input.prompt);
    const prediction = { id: `p-${body.input.prompt}`, status: 'starting', input: body.input };
    return new Response(JSON.stringify(prediction), { status: 201, headers: { 'content-type': 'application/json' } });
  };
  const service = createJobService({
    now: () => 50_000,
    random: () => 0.5,
    newId: () => 'unused',
    io: { acquireInput: async () => image, inputImage: async () => 'data:image/jpeg;base64,AAAA', downloadResult: async () => image },
    fetch,
    recordDiagnostic: async () => undefined,
  });
  return { service, sent };
}

describe('job service queue', () => {
  it('sends the creates of jobs released together in the order they were started', async () => {
    await setApiKey('r8_test');
    const { service, sent } = serviceRecordingCreates();
    for (const n of [1, 2, 3]) await addJob(makeJob({ id: `j${n}`, prompt: `edit ${n}`, createdAt: n, phase: 'creating', image }));

    // The store lists newest first, as the background passes it on every change.
    await service.runQueue(await getJobs());
    await expect.poll(() => sent.length).toBe(3);
    expect(sent).toEqual(['edit 1', 'edit 2', 'edit 3']);
  });

  it('resumes unfinished jobs oldest first', async () => {
    await setApiKey('r8_test');
    const { service, sent } = serviceRecordingCreates();
    for (const n of [1, 2, 3]) await addJob(makeJob({ id: `j${n}`, prompt: `edit ${n}`, createdAt: n, phase: 'creating', image }));

    await service.resumeAll();
    await expect.poll(() => sent.length).toBe(3);
    expect(sent).toEqual(['edit 1', 'edit 2', 'edit 3']);
  });
});

describe('job service start', () => {
  it('fixes the provider at start and takes the model a request names over the saved one', async () => {
    await setApiKey('r8_test');
    await saveSettings({ ...DEFAULT_SETTINGS, provider: 'bfl', baseUrl: 'https://api.bfl.ai/v1' });
    const { service } = serviceRecordingCreates();
    const request = { source: { kind: 'job' as const, jobId: 'x' }, prompt: 'sepia', aspectRatio: '1:1' as const, outputFormat: 'png' as const };

    const named = await service.start({ ...request, model: 'black-forest-labs/flux-kontext-max' }, { kind: 'job', jobId: 'x' });
    const unnamed = await service.start(request, { kind: 'job', jobId: 'x' });

    expect(named).toMatchObject({ provider: 'bfl', model: 'black-forest-labs/flux-kontext-max' });
    expect(unnamed).toMatchObject({ provider: 'bfl', model: DEFAULT_SETTINGS.model });
  });

  it('keeps a running job at its own provider after the settings switch to another', async () => {
    // One key per provider: each job is sent with its own provider's.
    await setApiKey('r8_test', 'replicate');
    await setApiKey('bfl_test', 'bfl');
    await saveSettings({ ...DEFAULT_SETTINGS, provider: 'bfl', baseUrl: 'http://127.0.0.1:9/v1' });
    const urls: string[] = [];
    const service = createJobService({
      now: () => 50_000,
      random: () => 0.5,
      newId: () => 'unused',
      io: { acquireInput: async () => image, inputImage: async () => 'data:image/jpeg;base64,AAAA', downloadResult: async () => image },
      fetch: async (url) => {
        urls.push(String(url));
        return new Response('{}', { status: 500 });
      },
      recordDiagnostic: async () => undefined,
    });

    await (await service.getClient(makeJob({ provider: 'replicate' })))?.getPrediction('p-1').catch(() => undefined);
    await (await service.getClient(makeJob({})))?.getPrediction('http://127.0.0.1:9/v1/get_result?id=2').catch(() => undefined);

    expect(urls[0]).toMatch(/^https:\/\/api\.replicate\.com\/v1\/predictions\/p-1/);
    expect(urls[1]).toMatch(/^http:\/\/127\.0\.0\.1:9\/v1\//);
  });
});
