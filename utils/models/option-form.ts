import type { Settings } from '../settings';
import { fieldSchema, type InputField, type ScalarRecord } from './input-field';
import { typedOf, valueOf, type TypedValue } from './typed-value';

export type { TypedValue } from './typed-value';
import { boundSetting, optionValues } from './model-input';
import { fieldOf, type ModelSpec } from './model-spec';
import { unavailableMessage } from './model-input-error';
import { BUILT_IN_SPECS, isBuiltInModel, specFor } from './registry';

/** Typed option values of the models' inputs without a setting of their own, by model and input name. */
export type TypedModelOptions = Record<string, Record<string, TypedValue>>;

/** The form key of a model input's control and error (`option.num_inference_steps`). */
export const optionKey = (name: string): `option.${string}` => `option.${name}`;

/** The options-page inputs of a model kept in `settings.modelOptions` (the others have settings of their own). */
export function unboundOptionFields(spec: ModelSpec): InputField[] {
  return spec.optionInputs.filter((name) => !boundSetting(spec, name)).flatMap((name) => fieldOf(spec, name) ?? []);
}

/** A model's own options at their defaults, as typed (a model just read from its schema). */
export function typedDefaults(spec: ModelSpec): Record<string, TypedValue> {
  return Object.fromEntries(unboundOptionFields(spec).map((field) => [field.name, typedOf(field.default)]));
}

/** Every built-in model's (and the other model's) own options as the form shows them (saved values, or defaults). */
export function typedModelOptions(settings: Pick<Settings, 'modelOptions' | 'aspectRatio' | 'outputFormat' | 'safetyTolerance' | 'promptUpsampling' | 'otherModel'>): TypedModelOptions {
  const typed: TypedModelOptions = {};
  for (const spec of [...BUILT_IN_SPECS, ...(settings.otherModel ? [settings.otherModel] : [])]) {
    const values = optionValues(spec, settings);
    const own = unboundOptionFields(spec);
    if (own.length > 0) typed[spec.id] = Object.fromEntries(own.map((field) => [field.name, typedOf(values[field.name])]));
  }
  return typed;
}

export interface CheckedOptions {
  modelOptions: Settings['modelOptions'];
  /** Messages by form key: `option.<input>` for the model's own inputs, `aspectRatio`/`outputFormat` for the shared ones. */
  errors: Record<string, string>;
}

/**
 * Checks the chosen model's options as typed, and the shared aspect ratio and format against what that
 * model takes (dev has no 2:1). Other models' options are kept when valid, dropped to their defaults
 * otherwise. Only values that differ from a default are returned.
 */
export function checkModelOptions(model: string, typed: TypedModelOptions, shared: { aspectRatio: string; outputFormat: string; provider: string; otherModel?: ModelSpec }): CheckedOptions {
  const errors: Record<string, string> = {};
  const modelOptions: Settings['modelOptions'] = {};
  for (const [id, fields] of Object.entries(typed)) {
    const spec = specFor(id, shared);
    if (!spec) continue;
    const values: ScalarRecord = {};
    for (const field of unboundOptionFields(spec)) {
      if (fields[field.name] === undefined) continue;
      const parsed = fieldSchema(field).safeParse(valueOf(field, fields[field.name]));
      // A default is not stored, so a model's defaults can change with a later build.
      if (parsed.success && parsed.data !== field.default) values[field.name] = parsed.data;
      else if (parsed.success) continue;
      else if (id === model) errors[optionKey(field.name)] = parsed.error.issues[0]?.message ?? `${field.label}: not valid.`;
    }
    if (Object.keys(values).length > 0) modelOptions[id] = values;
  }
  const spec = specFor(model, shared);
  if (!spec && !isBuiltInModel(model)) {
    errors.otherModelName = model ? `Read the inputs of ${model} first (Read its inputs).` : 'Name the model as owner/name, then read its inputs.';
  }
  if (spec && !(spec.providers as readonly string[]).includes(shared.provider)) {
    errors.model = unavailableMessage(spec, shared.provider === 'bfl' ? 'bfl' : 'replicate');
  }
  for (const [name, key] of [['aspect_ratio', 'aspectRatio'], ['output_format', 'outputFormat']] as const) {
    const field = spec ? fieldOf(spec, name) : undefined;
    if (spec && isBuiltInModel(spec.id) && field?.kind === 'enum' && !field.options.includes(shared[key])) errors[key] = `${spec.label} does not take ${shared[key]}.`;
  }
  return { modelOptions, errors };
}
