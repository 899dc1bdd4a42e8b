// GET /models/{owner}/{name}: the model object, with its latest version's OpenAPI schema.
import { jsonReply, type Reply } from './http-util';
import { MODEL_INPUT_SCHEMAS } from './models';
import { notFound } from './problems';
import type { JsonSchema } from './schema-validate';

type Leaf = NonNullable<JsonSchema['properties']>[string];

/**
 * The Input schema as Replicate publishes it (Cog's output): each enum is a component of its own,
 * referenced through `allOf`, with x-order giving the form order. Clients must resolve the reference.
 */
export function publishedSchemas(input: JsonSchema): Record<string, unknown> {
  const enums: Record<string, unknown> = {};
  const properties: Record<string, unknown> = {};
  Object.entries(input.properties ?? {}).forEach(([name, leaf], order) => {
    const { enum: choices, type, ...rest } = leaf as Leaf;
    if (choices) {
      enums[name] = { enum: choices, type, title: name, description: 'An enumeration.' };
      properties[name] = { ...rest, allOf: [{ $ref: `#/components/schemas/${name}` }], 'x-order': order };
    } else {
      properties[name] = { ...leaf, title: name, 'x-order': order };
    }
  });
  const inputSchema = { type: 'object', title: 'Input', required: input.required ?? [], properties };
  return { Input: inputSchema, Output: { type: 'string', title: 'Output', format: 'uri' }, ...enums };
}

/** The model object of a model the double runs, or 404 like the API. */
export function getModel(model: string): Reply {
  const input = MODEL_INPUT_SCHEMAS.get(model);
  if (!input) return notFound();
  const [owner = '', name = ''] = model.split('/');
  return jsonReply(200, {
    url: `https://replicate.com/${model}`,
    owner,
    name,
    description: `${name} (served by the local double)`,
    visibility: 'public',
    github_url: null,
    paper_url: null,
    license_url: null,
    run_count: 0,
    cover_image_url: null,
    default_example: null,
    latest_version: {
      id: 'double0000000000000000000000000000000000000000000000000000000000',
      created_at: '2025-06-01T00:00:00.000000Z',
      cog_version: '0.14.0',
      openapi_schema: { openapi: '3.0.2', info: { title: 'Cog', version: '0.1.0' }, paths: {}, components: { schemas: publishedSchemas(input) } },
    },
  });
}
