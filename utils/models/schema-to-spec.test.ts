// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { getModel } from '../../tests/double/routes-models';
import { inputSchemaOf } from './input-field';
import { KONTEXT_DEV } from './kontext';
import { ModelSpecSchema } from './model-spec-schema';
import { specFromModelResponse } from './schema-to-spec';

const DEV = 'black-forest-labs/flux-kontext-dev';

/** A model response around an Input schema (and its enum components). */
function modelWith(input: unknown, components: Record<string, unknown> = {}) {
  return { latest_version: { openapi_schema: { components: { schemas: { Input: input, ...components } } } } };
}

describe('specFromModelResponse', () => {
  it('reads dev’s published schema (enums behind allOf/$ref) into the same inputs as the built-in spec', () => {
    const body = JSON.parse(getModel(DEV).body.toString('utf8')) as unknown;
    const result = specFromModelResponse(DEV, body);
    if (!result.ok) throw new Error(result.message);
    const { spec } = result;
    expect([spec.promptInput, spec.imageInput, spec.seedInput]).toEqual(['prompt', 'input_image', 'seed']);
    expect(spec.fields.find((f) => f.name === 'num_inference_steps')).toMatchObject({ kind: 'integer', min: 4, max: 50, default: 30 });
    expect(spec.fields.find((f) => f.name === 'output_format')).toMatchObject({ kind: 'enum', options: ['webp', 'jpg', 'png'], default: 'webp' });
    expect(spec.fields.map((f) => f.name).sort()).toEqual([...KONTEXT_DEV.fields.map((f) => f.name)].sort());
    // The box asks what it has selects for; webp is not one of its formats, so the options page sets it.
    expect(spec.editInputs).toEqual(['aspect_ratio']);
    expect(spec.optionInputs).not.toContain('seed');
    expect(ModelSpecSchema.parse(spec)).toEqual(spec);
    expect(inputSchemaOf(spec.fields).safeParse({ num_inference_steps: 51 }).success).toBe(false);
  });

  it('finds an image input by name or format and leaves other file inputs out', () => {
    const result = specFromModelResponse('someone/inpaint', modelWith({
      required: ['prompt', 'image'],
      properties: {
        prompt: { type: 'string', 'x-order': 0 },
        mask: { type: 'string', format: 'uri', 'x-order': 2 },
        image: { type: 'string', format: 'uri', 'x-order': 1 },
        strength: { type: 'number', minimum: 0, maximum: 1, default: 0.8, 'x-order': 3, title: 'Strength' },
        num_outputs: { type: 'integer', enum: [1, 2, 4], default: 1 },
      },
    }));
    expect(result).toMatchObject({ ok: true, spec: { imageInput: 'image', fields: [{ name: 'strength', kind: 'number', min: 0, max: 1, label: 'Strength' }] } });
  });

  it.each([
    ['no prompt', modelWith({ properties: { image: { type: 'string', format: 'uri' } } }), /no text prompt/],
    ['no image input', modelWith({ properties: { prompt: { type: 'string' }, width: { type: 'integer' } } }), /no image input/],
    ['a required input it cannot fill', modelWith({ required: ['mask'], properties: { prompt: { type: 'string' }, image: { type: 'string', format: 'uri' }, mask: { type: 'string', format: 'uri' } } }), /requires the input “mask”/],
    ['no version', { latest_version: null }, /no published version/],
    ['no Input schema', modelWith('nothing'), /no input schema/],
  ])('refuses a model with %s', (_what, body, message) => {
    expect(specFromModelResponse('someone/model', body)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });
});
