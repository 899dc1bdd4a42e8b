// A small interpreter of the JSON-schema subset used by model input schemas, with the messages of
// gojsonschema (the validator behind Replicate's 422 "invalid_fields").
import { z } from 'zod';
import type { InvalidField } from './problems';

const Leaf = z.object({
  type: z.enum(['string', 'integer', 'number', 'boolean', 'object', 'array']).optional(),
  enum: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  format: z.string().optional(),
  nullable: z.boolean().optional(),
  default: z.unknown().optional(),
  description: z.string().optional(),
  title: z.string().optional(),
});

/** The subset of JSON schema the double understands. */
export const JsonSchema = Leaf.extend({
  $comment: z.string().optional(),
  required: z.array(z.string()).optional(),
  additionalProperties: z.boolean().optional(),
  properties: z.record(z.string(), Leaf).optional(),
});
export type JsonSchema = z.infer<typeof JsonSchema>;
type LeafSchema = z.infer<typeof Leaf>;

/** The type name gojsonschema reports for a value. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, value: unknown): boolean {
  const given = jsonTypeOf(value);
  return given === expected || (expected === 'number' && given === 'integer');
}

/** Only URLs a model server can read: http(s) or inline data. */
function isAcceptedUri(value: string): boolean {
  if (value.startsWith('data:')) return /^data:[^,]*,/.test(value);
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function validateLeaf(schema: LeafSchema, value: unknown, field: string, name: string): InvalidField[] {
  if (value === null && schema.nullable) return [];
  if (schema.type && !typeMatches(schema.type, value)) {
    const description = `Invalid type. Expected: ${schema.type}, given: ${jsonTypeOf(value)}`;
    return [{ type: 'invalid_type', field, description }];
  }
  const errors: InvalidField[] = [];
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    const allowed = schema.enum.map((v) => JSON.stringify(v)).join(', ');
    errors.push({ type: 'enum', field, description: `${name} must be one of the following: ${allowed}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      errors.push({ type: 'number_gte', field, description: `Must be greater than or equal to ${schema.minimum}` });
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      errors.push({ type: 'number_lte', field, description: `Must be less than or equal to ${schema.maximum}` });
    }
  }
  if (schema.format === 'uri' && typeof value === 'string' && !isAcceptedUri(value)) {
    errors.push({ type: 'format', field, description: `Does not match format 'uri'` });
  }
  return errors;
}

/** Validates an object against a schema; `field` names it in messages ("input", or "(root)"). */
export function validateObject(schema: JsonSchema, value: unknown, field: string): InvalidField[] {
  if (jsonTypeOf(value) !== 'object') {
    return [{ type: 'invalid_type', field, description: `Invalid type. Expected: object, given: ${jsonTypeOf(value)}` }];
  }
  const record = value as Record<string, unknown>;
  const errors: InvalidField[] = [];
  for (const name of schema.required ?? []) {
    if (!(name in record)) errors.push({ type: 'required', field, description: `${name} is required` });
  }
  const properties = schema.properties ?? {};
  for (const [name, item] of Object.entries(record)) {
    const propertySchema = properties[name];
    if (!propertySchema) {
      if (schema.additionalProperties === false) {
        const description = `Additional property ${name} is not allowed`;
        errors.push({ type: 'additional_property_not_allowed', field, description });
      }
      continue;
    }
    const child = field === '(root)' ? name : `${field}.${name}`;
    errors.push(...validateLeaf(propertySchema, item, child, name));
  }
  return errors;
}
