import type { AspectRatio, OutputFormat } from '../settings';
import { fieldSchema, type InputField, type ScalarRecord } from './input-field';
import { fieldOf, type ModelSpec } from './model-spec';
import { valueOf, type TypedValue } from './typed-value';

/** Inputs the prompt box has its own selects for (PromptChoices). */
const CHOICE_INPUTS = ['aspect_ratio', 'output_format'];

/** The model's other per-edit inputs, asked under the choices (dev: steps and guidance). */
export function extraEditFields(spec: ModelSpec): InputField[] {
  return spec.editInputs.filter((name) => !CHOICE_INPUTS.includes(name)).flatMap((name) => fieldOf(spec, name) ?? []);
}

function enumOptions(spec: ModelSpec, name: string): string[] {
  const field = fieldOf(spec, name);
  return field?.kind === 'enum' && spec.editInputs.includes(name) ? [...field.options] : [];
}

/** The aspect ratios and formats the box offers for the model; none when it does not ask that input per edit. */
export function choiceOptions(spec: ModelSpec): { aspectRatios?: AspectRatio[]; outputFormats?: OutputFormat[] } {
  return { aspectRatios: enumOptions(spec, 'aspect_ratio') as AspectRatio[], outputFormats: enumOptions(spec, 'output_format') as OutputFormat[] };
}

export type ParsedEditInputs = { ok: true; inputs: ScalarRecord } | { ok: false; errors: Record<string, string> };

/** The box's typed extra inputs checked by the model's fields: values to send, or a message per bad input. */
export function parseEditInputs(fields: readonly InputField[], typed: Readonly<Record<string, TypedValue>>): ParsedEditInputs {
  const inputs: ScalarRecord = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const parsed = fieldSchema(field).safeParse(valueOf(field, typed[field.name]));
    if (parsed.success) inputs[field.name] = parsed.data;
    else errors[field.name] = parsed.error.issues[0]?.message ?? `${field.label}: not valid.`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, inputs };
}
