// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApiDouble } from './index';
import { api, dataUri, patternPng, pollUntilDone } from './test-helpers';
import type { ApiDouble } from './types';

const DEV = '/models/black-forest-labs/flux-kontext-dev/predictions';
let double: ApiDouble;

beforeEach(async () => {
  double = await startApiDouble({ timing: { startingMs: 20, processingMs: 60 } });
});
afterEach(async () => {
  await double.close();
});

describe('flux-kontext-dev', () => {
  const image = dataUri(patternPng(8, 8), 'image/png');

  it('runs an edit with dev’s inputs', async () => {
    const input = { prompt: 'make it black and white', input_image: image, aspect_ratio: '1:1', num_inference_steps: 12, guidance: 3, go_fast: true, output_format: 'jpg', output_quality: 90, disable_safety_checker: false, seed: 4 };
    const { status, json } = await api(double, DEV, { body: { input } });
    expect(status).toBe(201);
    const done = await pollUntilDone(double, json.id);
    expect(done.status).toBe('succeeded');
    expect(done.output).toMatch(/out-0\.jpg$/);
  });

  it('answers 422 for pro’s safety tolerance, steps out of range, a 2:1 ratio and a missing image', async () => {
    const { status, json } = await api(double, DEV, { body: { input: { prompt: 'x', safety_tolerance: 2, num_inference_steps: 60, aspect_ratio: '2:1' } } });
    expect(status).toBe(422);
    const fields = (json.invalid_fields as { field: string; type: string }[]).map((f) => `${f.type} ${f.field}`);
    expect(fields).toEqual(expect.arrayContaining([
      'required input', 'additional_property_not_allowed input', 'number_lte input.num_inference_steps', 'enum input.aspect_ratio',
    ]));
    expect(double.predictions.size).toBe(0);
  });

  it('checks the proxy form against the version’s model too', async () => {
    const { status } = await api(double, '/predictions', { body: { version: 'black-forest-labs/flux-kontext-dev', input: { prompt: 'x', input_image: image, guidance: 11 } } });
    expect(status).toBe(422);
  });
});

describe('GET /models/{owner}/{name}', () => {
  it('serves the model with its latest version’s Input schema, enums as referenced components', async () => {
    const { status, json } = await api(double, '/models/black-forest-labs/flux-kontext-dev');
    expect(status).toBe(200);
    expect([json.owner, json.name]).toEqual(['black-forest-labs', 'flux-kontext-dev']);
    const schemas = json.latest_version.openapi_schema.components.schemas;
    expect(schemas.Input.required).toEqual(['prompt', 'input_image']);
    expect(schemas.Input.properties.num_inference_steps).toMatchObject({ type: 'integer', minimum: 4, maximum: 50, default: 30 });
    expect(schemas.Input.properties.output_format.allOf).toEqual([{ $ref: '#/components/schemas/output_format' }]);
    expect(schemas.output_format.enum).toEqual(['webp', 'jpg', 'png']);
  });

  it('serves and runs the made-up community model, whose picture input is `image`', async () => {
    const { json } = await api(double, '/models/kontext-tests/restyle');
    expect(Object.keys(json.latest_version.openapi_schema.components.schemas.Input.properties)).toEqual(['prompt', 'image', 'strength', 'style', 'sharpen', 'seed']);
    const input = { prompt: 'x', image: dataUri(patternPng(8, 8), 'image/png'), style: 'film' };
    expect((await api(double, '/models/kontext-tests/restyle/predictions', { body: { input } })).status).toBe(201);
    expect((await api(double, '/models/kontext-tests/restyle/predictions', { body: { input: { ...input, input_image: input.image } } })).status).toBe(422);
  });

  it('answers 404 for a model it does not run', async () => {
    expect((await api(double, '/models/someone/nothing')).status).toBe(404);
  });
});
