import { specFromModelResponse } from '../schema-to-spec';
import type { ModelSpec } from '../model-spec';

/** `someone/restyle`: a prompt, an `image` input, a strength, a style choice, a flag and a seed. */
export const OTHER_MODEL_RESPONSE = {
  latest_version: {
    openapi_schema: {
      components: {
        schemas: {
          Input: {
            required: ['prompt', 'image'],
            properties: {
              prompt: { type: 'string', 'x-order': 0 },
              image: { type: 'string', format: 'uri', 'x-order': 1 },
              strength: { type: 'number', minimum: 0, maximum: 1, default: 0.6, 'x-order': 2 },
              style: { allOf: [{ $ref: '#/components/schemas/style' }], default: 'none', 'x-order': 3 },
              sharpen: { type: 'boolean', default: false, 'x-order': 4 },
              seed: { type: 'integer', 'x-order': 5 },
            },
          },
          style: { type: 'string', enum: ['none', 'film', 'anime'] },
        },
      },
    },
  },
};

/** The spec the extension makes of OTHER_MODEL_RESPONSE. */
export function otherModelSpec(): ModelSpec {
  const result = specFromModelResponse('someone/restyle', OTHER_MODEL_RESPONSE);
  if (!result.ok) throw new Error(result.message);
  return result.spec;
}
