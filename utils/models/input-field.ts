import { z } from 'zod';

/** One model input value as stored and sent: the forms only ever make these. */
export const Scalar = z.union([z.string().max(2000), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

/** Model inputs by name (besides the prompt and the image). */
export const ScalarRecord = z.record(z.string().min(1).max(100), Scalar);
export type ScalarRecord = z.infer<typeof ScalarRecord>;

interface FieldBase {
  /** The input's name in the model's schema (`num_inference_steps`). */
  name: string;
  /** What people read next to the control. */
  label: string;
  hint?: string;
}

/**
 * One input of a model, as a form shows it and a schema checks it. Plain data (no functions), so a
 * model's fields travel in messages to the prompt box and can be stored with a setting.
 */
export type InputField =
  | (FieldBase & { kind: 'integer' | 'number'; min?: number; max?: number; default?: number })
  | (FieldBase & { kind: 'boolean'; default?: boolean })
  | (FieldBase & { kind: 'enum'; options: readonly string[]; default?: string })
  | (FieldBase & { kind: 'string'; default?: string });

/** The zod schema of one field's value, with the bounds in its messages. */
export function fieldSchema(field: InputField): z.ZodType<Scalar> {
  switch (field.kind) {
    case 'integer':
    case 'number': {
      let schema = field.kind === 'integer' ? z.number({ error: `${field.label}: enter a whole number.` }).int(`${field.label}: enter a whole number.`) : z.number({ error: `${field.label}: enter a number.` });
      if (field.min !== undefined) schema = schema.min(field.min, `${field.label}: use ${rangeText(field)}.`);
      if (field.max !== undefined) schema = schema.max(field.max, `${field.label}: use ${rangeText(field)}.`);
      return schema;
    }
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(field.options as [string, ...string[]], { error: `${field.label}: choose one of ${field.options.join(', ')}.` });
    case 'string':
      return z.string().max(2000);
  }
}

/** "4 to 50", "at least 0", "at most 10". */
export function rangeText(field: { min?: number; max?: number }): string {
  if (field.min !== undefined && field.max !== undefined) return `${field.min} to ${field.max}`;
  if (field.min !== undefined) return `at least ${field.min}`;
  return field.max !== undefined ? `at most ${field.max}` : 'any number';
}

/** A model's input schema built from its fields: every field optional, nothing else allowed (like the API's). */
export function inputSchemaOf(fields: readonly InputField[]): z.ZodType<ScalarRecord> {
  const shape: Record<string, z.ZodOptional<z.ZodType<Scalar>>> = {};
  for (const field of fields) shape[field.name] = fieldSchema(field).optional();
  return z.strictObject(shape) as unknown as z.ZodType<ScalarRecord>;
}

/** A field's value when `value` is not valid for it: its default, or undefined (the input is left out). */
export function validOrDefault(field: InputField, value: unknown): Scalar | undefined {
  const parsed = fieldSchema(field).safeParse(value);
  return parsed.success ? parsed.data : field.default;
}
