import { describe, expect, it } from 'vitest';
import { createJobService } from './job-service';
import type { EditRequest } from './messages';
import { ModelInputError } from './models/model-input-error';
import { otherModelSpec } from './models/testing/other-model';
import { setApiKey } from './secret-store';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { saveSettings } from './settings-store';

const image = { width: 800, height: 600, bytes: 100_000, type: 'image/jpeg' };
const DEV = 'black-forest-labs/flux-kontext-dev';

/** A service whose provider records each create's model URL and body. */
function serviceRecordingCreates() {
  const creates: { url: string; input: Record<string, unknown> }[] = [];
  let ids = 0;
  const service = createJobService({
    now: () => 50_000,
    random: () => 0.25,
    newId: () => `job-${++ids}`,
    io: { acquireInput: async () => image, inputImage: async () => 'data:image/jpeg;base64,AAAA', downloadResult: async () => image },
    fetch: async (url, init) => {
      const body = JSON.parse(String(init?.body)) as { input: Record<string, unknown> };
      creates.push({ url: String(url), input: body.input });
      return new Response(JSON.stringify({ id: 'p-1', status: 'starting', input: body.input }), { status: 201, headers: { 'content-type': 'application/json' } });
    },
    recordDiagnostic: async () => undefined,
  });
  return { service, creates };
}

const request: EditRequest = { source: { kind: 'job', jobId: 'x' }, prompt: 'sepia', aspectRatio: '4:3', outputFormat: 'jpg' };

async function withSettings(settings: Partial<Settings>) {
  await setApiKey('r8_test');
  await saveSettings({ ...DEFAULT_SETTINGS, ...settings });
}

describe('job service start, per model', () => {
  it('records and sends exactly dev’s inputs: the box’s steps and guidance, the options’ go fast and quality, no safety tolerance', async () => {
    await withSettings({ model: DEV, safetyTolerance: 1, modelOptions: { [DEV]: { go_fast: false, output_quality: 95 } } });
    const { service, creates } = serviceRecordingCreates();

    const job = await service.start({ ...request, inputs: { num_inference_steps: 12, guidance: 4 } }, { kind: 'job', jobId: 'x' });

    expect(job.model).toBe(DEV);
    expect(job.input).toEqual({
      aspect_ratio: '4:3', output_format: 'jpg', num_inference_steps: 12, guidance: 4, go_fast: false, output_quality: 95,
      disable_safety_checker: false, seed: Math.floor(0.25 * 2 ** 31),
    });
    await expect.poll(() => creates.length).toBe(1);
    expect(creates[0]?.url).toMatch(/\/models\/black-forest-labs\/flux-kontext-dev\/predictions$/);
    expect(creates[0]?.input).toEqual({ prompt: 'sepia', input_image: 'data:image/jpeg;base64,AAAA', ...job.input });
  });

  it('still sends pro the same inputs as before models had their own', async () => {
    await withSettings({ safetyTolerance: 0, promptUpsampling: true });
    const { service } = serviceRecordingCreates();
    const job = await service.start({ ...request, inputs: { num_inference_steps: 12 } }, { kind: 'job', jobId: 'x' });
    expect(job.input).toEqual({ aspect_ratio: '4:3', output_format: 'jpg', safety_tolerance: 0, prompt_upsampling: true, seed: Math.floor(0.25 * 2 ** 31) });
  });

  it('refuses, before any job exists, an edit the model cannot take or a model the provider does not run', async () => {
    await withSettings({ model: DEV });
    const { service, creates } = serviceRecordingCreates();
    await expect(service.start({ ...request, inputs: { guidance: 11 } }, { kind: 'job', jobId: 'x' })).rejects.toThrow(ModelInputError);
    await expect(service.start({ ...request, aspectRatio: '2:1' }, { kind: 'job', jobId: 'x' })).rejects.toThrow(/Aspect ratio/);

    await withSettings({ provider: 'bfl', model: DEV, baseUrl: 'https://api.bfl.ai/v1' });
    await expect(service.start(request, { kind: 'job', jobId: 'x' })).rejects.toThrow(/not offered by Black Forest Labs/);
    expect(creates).toEqual([]);
  });

  it('runs another model with the inputs read from its schema, under its own names for the prompt and the picture', async () => {
    const spec = otherModelSpec();
    await withSettings({ model: spec.id, otherModel: spec, modelOptions: { [spec.id]: { style: 'film' } } });
    const { service, creates } = serviceRecordingCreates();

    const job = await service.start(request, { kind: 'job', jobId: 'x' });

    expect(job).toMatchObject({ model: 'someone/restyle', imageInput: 'image', input: { strength: 0.6, style: 'film', sharpen: false, seed: Math.floor(0.25 * 2 ** 31) } });
    expect(job.promptInput).toBeUndefined();
    await expect.poll(() => creates.length).toBe(1);
    expect(creates[0]?.url).toMatch(/\/models\/someone\/restyle\/predictions$/);
    expect(creates[0]?.input).toEqual({ prompt: 'sepia', image: 'data:image/jpeg;base64,AAAA', ...job.input });
  });

  it('refuses another model whose inputs were never read', async () => {
    await withSettings({ model: 'someone/unread' });
    const { service } = serviceRecordingCreates();
    await expect(service.start(request, { kind: 'job', jobId: 'x' })).rejects.toThrow(/someone\/unread is not set up/);
  });

  it('gives a request that names dev (a preset’s model) dev’s inputs while the options name pro', async () => {
    await withSettings({ safetyTolerance: 1 });
    const { service } = serviceRecordingCreates();
    const job = await service.start({ ...request, model: DEV }, { kind: 'job', jobId: 'x' });
    expect(job.model).toBe(DEV);
    expect(job.input).toMatchObject({ num_inference_steps: 30, guidance: 2.5 });
    expect(job.input).not.toHaveProperty('safety_tolerance');
  });
});
