import { z } from 'zod';
import { ASPECT_RATIOS } from '../settings';
import type { InputField } from './input-field';
import type { ModelSpec } from './model-spec';
import { MAX_FIELDS } from './model-spec-schema';

/** One property of a published Input schema, as far as a form needs it (Cog writes enums as allOf → $ref). */
const Property = z.object({
  type: z.string().optional(),
  format: z.string().optional(),
  enum: z.array(z.unknown()).optional(),
  default: z.unknown().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  description: z.string().optional(),
  title: z.string().optional(),
  'x-order': z.number().optional(),
  allOf: z.array(z.object({ $ref: z.string() }).loose()).optional(),
  $ref: z.string().optional(),
}).loose();
type Property = z.infer<typeof Property>;

/** What GET {base}/models/{owner}/{name} answers, as far as the extension reads it. */
export const ModelResponse = z.object({
  latest_version: z.object({
    openapi_schema: z.object({
      components: z.object({
        schemas: z.record(z.string(), z.unknown()),
      }),
    }),
  }).nullable(),
}).loose();

export type SpecResult = { ok: true; spec: ModelSpec } | { ok: false; message: string };

/** Names an image input commonly has, most likely first. */
const IMAGE_NAMES = ['input_image', 'image', 'img', 'input', 'image_url'];

/** "num_inference_steps" → "Num inference steps". */
function labelOf(name: string, title?: string): string {
  const text = (title && title.toLowerCase() !== name.toLowerCase() ? title : name).replace(/_/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A property with its referenced component merged in (allOf: [{$ref}] or $ref). */
function resolve(property: Property, schemas: Record<string, unknown>): Property {
  const ref = property.$ref ?? property.allOf?.[0]?.$ref;
  const name = ref?.match(/^#\/components\/schemas\/(.+)$/)?.[1];
  const target = name ? Property.safeParse(schemas[name]) : undefined;
  return target?.success ? { ...target.data, ...property } : property;
}

/** The object without its undefined keys: specs are stored, and storage drops them anyway. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function fieldOf(name: string, p: Property): InputField | undefined {
  const base = { name, label: labelOf(name, p.title), hint: p.description?.slice(0, 500) };
  if (p.enum) {
    // Only text choices: a form can send those back exactly as the schema lists them.
    if (!p.enum.every((v): v is string => typeof v === 'string') || p.enum.length === 0) return undefined;
    const options = p.enum.slice(0, 100);
    return { ...base, kind: 'enum', options, default: typeof p.default === 'string' && options.includes(p.default) ? p.default : undefined };
  }
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  switch (p.type) {
    case 'integer':
    case 'number':
      return { ...base, kind: p.type, min: num(p.minimum), max: num(p.maximum), default: num(p.default) };
    case 'boolean':
      return { ...base, kind: 'boolean', default: typeof p.default === 'boolean' ? p.default : undefined };
    case 'string':
      // Other file inputs (a mask, a second image) cannot be filled in by a form.
      if (p.format === 'uri') return undefined;
      return { ...base, kind: 'string', default: typeof p.default === 'string' ? p.default.slice(0, 2000) : undefined };
    default:
      return undefined;
  }
}

/**
 * A spec for model `id` from its published Input schema: usable when it has a text `prompt` and an
 * image input (a string of format uri). Its other scalar inputs become options-page fields; an aspect
 * ratio and an output format the prompt box knows are asked per edit.
 */
export function specFromModelResponse(id: string, body: unknown): SpecResult {
  const parsed = ModelResponse.safeParse(body);
  if (!parsed.success || !parsed.data.latest_version) return { ok: false, message: `${id} has no published version with an input schema.` };
  const schemas = parsed.data.latest_version.openapi_schema.components.schemas;
  const input = z.object({ properties: z.record(z.string(), Property), required: z.array(z.string()).optional() }).loose().safeParse(schemas.Input);
  if (!input.success) return { ok: false, message: `${id} publishes no input schema the extension can read.` };
  const entries = Object.entries(input.data.properties)
    .map(([name, p]) => [name, resolve(p, schemas)] as const)
    .sort(([, a], [, b]) => (a['x-order'] ?? 1e9) - (b['x-order'] ?? 1e9));
  const prompt = entries.find(([name, p]) => name === 'prompt' && p.type === 'string');
  if (!prompt) return { ok: false, message: `${id} takes no text prompt, so it cannot edit by instruction.` };
  const images = entries.filter(([, p]) => p.type === 'string' && p.format === 'uri').map(([name]) => name);
  const image = IMAGE_NAMES.find((name) => images.includes(name)) ?? images.find((name) => name.includes('image')) ?? images[0];
  if (!image) return { ok: false, message: `${id} takes no image input, so it cannot edit a picture.` };

  const fields: InputField[] = [];
  for (const [name, p] of entries) {
    if (name === prompt[0] || name === image) continue;
    const field = fieldOf(name, p);
    const required = input.data.required?.includes(name) ?? false;
    if (required && (!field || field.default === undefined)) {
      return { ok: false, message: `${id} requires the input “${name}”, which the extension cannot fill in.` };
    }
    if (field) fields.push(compact(field));
  }
  const kept = fields.slice(0, MAX_FIELDS);
  const seed = kept.find((f) => f.name === 'seed' && f.kind === 'integer');
  const knows = (name: string, values: readonly string[]) => {
    const field = kept.find((f) => f.name === name);
    return field?.kind === 'enum' && field.options.every((o) => values.includes(o));
  };
  const editInputs = [knows('aspect_ratio', ASPECT_RATIOS) && 'aspect_ratio', knows('output_format', ['jpg', 'png']) && 'output_format'].filter((n): n is string => Boolean(n));
  return {
    ok: true,
    spec: compact({
      id, label: id, providers: ['replicate'], promptInput: prompt[0], imageInput: image,
      fields: kept,
      editInputs,
      // Our seed goes into `seed` (the marker that finds a lost create): the form does not ask it.
      optionInputs: kept.map((f) => f.name).filter((name) => name !== seed?.name),
      seedInput: seed?.name,
    }),
  };
}
