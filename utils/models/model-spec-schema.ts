import { z } from 'zod';
import type { InputField } from './input-field';
import type { ModelSpec } from './model-spec';

/** At most this many inputs of a model are kept (a form of more would not be usable anyway). */
export const MAX_FIELDS = 40;

/** `owner/name` as Replicate spells models. */
export const ModelName = z.string().trim().regex(/^[A-Za-z0-9][\w.-]{0,99}\/[A-Za-z0-9][\w.-]{0,99}$/, 'Name the model as owner/name, e.g. black-forest-labs/flux-kontext-dev.');

const Name = z.string().min(1).max(100);
const Label = z.string().min(1).max(200);
const Hint = z.string().max(500).optional();
const Num = z.number().finite();

/** One field, checked (a spec read from a model's schema is stored with the settings). */
export const InputFieldSchema: z.ZodType<InputField> = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['integer', 'number']), name: Name, label: Label, hint: Hint, min: Num.optional(), max: Num.optional(), default: Num.optional() }),
  z.object({ kind: z.literal('boolean'), name: Name, label: Label, hint: Hint, default: z.boolean().optional() }),
  z.object({ kind: z.literal('enum'), name: Name, label: Label, hint: Hint, options: z.array(z.string().max(200)).min(1).max(100), default: z.string().max(200).optional() }),
  z.object({ kind: z.literal('string'), name: Name, label: Label, hint: Hint, default: z.string().max(2000).optional() }),
]);

/** A model spec as stored with the settings or sent to the prompt box. */
export const ModelSpecSchema: z.ZodType<ModelSpec> = z.object({
  id: ModelName,
  label: Label,
  // Spelled out rather than imported: settings.ts imports this module.
  providers: z.array(z.enum(['replicate', 'bfl'])).min(1),
  promptInput: Name,
  imageInput: Name,
  fields: z.array(InputFieldSchema).max(MAX_FIELDS),
  editInputs: z.array(Name).max(MAX_FIELDS),
  optionInputs: z.array(Name).max(MAX_FIELDS),
  seedInput: Name.optional(),
});
