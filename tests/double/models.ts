// The models the double serves and their input schema (a copy of the published one, so the repo
// does not depend on ../shared at run time).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JsonSchema } from './schema-validate';

const SCHEMA_FILE = fileURLToPath(new URL('./flux-kontext-pro.input.schema.json', import.meta.url));

/** Input schema of flux-kontext-pro; flux-kontext-max has the same fields. */
export const KONTEXT_INPUT_SCHEMA: JsonSchema = JsonSchema.parse(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));

/** "owner/name" of every model the double runs. */
export const KNOWN_MODELS: ReadonlySet<string> = new Set([
  'black-forest-labs/flux-kontext-pro',
  'black-forest-labs/flux-kontext-max',
]);

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
