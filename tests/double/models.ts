// The models the double serves and their input schema (a copy of the published one, so the repo
// does not depend on ../shared at run time).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JsonSchema } from './schema-validate';

function readSchema(file: string): JsonSchema {
  return JsonSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8')));
}

/** Input schema of flux-kontext-pro; flux-kontext-max has the same fields. */
export const KONTEXT_INPUT_SCHEMA: JsonSchema = readSchema('./flux-kontext-pro.input.schema.json');

/** Input schema of flux-kontext-dev: sampling inputs instead of safety tolerance and prompt upsampling. */
export const KONTEXT_DEV_INPUT_SCHEMA: JsonSchema = readSchema('./flux-kontext-dev.input.schema.json');

/**
 * A made-up community model for tests of "Other model": its picture input is `image` (not
 * `input_image`: the double renders it as a gradient), plus a number, a choice, a flag and a seed.
 */
export const OTHER_MODEL = 'kontext-tests/restyle';
export const OTHER_MODEL_INPUT_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['prompt', 'image'],
  additionalProperties: false,
  properties: {
    prompt: { type: 'string' },
    image: { type: 'string', format: 'uri' },
    strength: { type: 'number', minimum: 0, maximum: 1, default: 0.6 },
    style: { type: 'string', enum: ['none', 'film', 'anime'], default: 'none' },
    sharpen: { type: 'boolean', default: false },
    seed: { type: 'integer', nullable: true },
  },
};

/** The input schema of every model the double runs, by "owner/name". */
export const MODEL_INPUT_SCHEMAS: ReadonlyMap<string, JsonSchema> = new Map([
  ['black-forest-labs/flux-kontext-pro', KONTEXT_INPUT_SCHEMA],
  ['black-forest-labs/flux-kontext-max', KONTEXT_INPUT_SCHEMA],
  ['black-forest-labs/flux-kontext-dev', KONTEXT_DEV_INPUT_SCHEMA],
  [OTHER_MODEL, OTHER_MODEL_INPUT_SCHEMA],
]);

/** "owner/name" of every model the double runs. */
export const KNOWN_MODELS: ReadonlySet<string> = new Set(MODEL_INPUT_SCHEMAS.keys());

/** Body of POST /models/{owner}/{name}/predictions (schemas_prediction_request). */
export const MODEL_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['input'],
  additionalProperties: false,
  properties: {
    input: { type: 'object' },
    stream: { type: 'boolean' },
    webhook: { type: 'string' },
    webhook_events_filter: { type: 'array' },
  },
};

/** Body of POST /predictions (schemas_version_prediction_request). */
export const VERSION_REQUEST_SCHEMA: JsonSchema = {
  ...MODEL_REQUEST_SCHEMA,
  required: ['version', 'input'],
  properties: { ...MODEL_REQUEST_SCHEMA.properties, version: { type: 'string' } },
};

/** Resolves the `version` of the proxy fallback form ("owner/name" or "owner/name:id") to a model. */
export function modelOfVersion(version: string): string | null {
  const name = version.split(':')[0] ?? '';
  return KNOWN_MODELS.has(name) ? name : null;
}
