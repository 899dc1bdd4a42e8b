import type { AspectRatio, OutputFormat, Settings } from '../settings';
import { inputSchemaOf, validOrDefault, type Scalar, type ScalarRecord } from './input-field';
import { fieldOf, type ModelSpec } from './model-spec';
import { isBuiltInModel } from './registry';

/**
 * Inputs of the built-in models kept in settings of their own, from before models had their own
 * options (so saved choices carry over). Every other option lives in `settings.modelOptions[model]`.
 */
export const SETTING_OF_INPUT = {
  aspect_ratio: 'aspectRatio',
  output_format: 'outputFormat',
  safety_tolerance: 'safetyTolerance',
  prompt_upsampling: 'promptUpsampling',
} as const satisfies Record<string, keyof Settings>;
type BoundInput = keyof typeof SETTING_OF_INPUT;

/** The setting an options-page input of `spec` is stored in, when it has one of its own. */
export function boundSetting(spec: Pick<ModelSpec, 'id'>, name: string): (typeof SETTING_OF_INPUT)[BoundInput] | undefined {
  return isBuiltInModel(spec.id) && name in SETTING_OF_INPUT ? SETTING_OF_INPUT[name as BoundInput] : undefined;
}

type OptionSettings = Pick<Settings, (typeof SETTING_OF_INPUT)[BoundInput] | 'modelOptions'>;

/** The options page's values of a model's inputs; a missing or no longer valid one falls back to its default. */
export function optionValues(spec: ModelSpec, settings: OptionSettings): ScalarRecord {
  const values: ScalarRecord = {};
  for (const name of spec.optionInputs) {
    const field = fieldOf(spec, name);
    if (!field) continue;
    const setting = boundSetting(spec, name);
    const raw = setting ? settings[setting] : settings.modelOptions[spec.id]?.[name];
    const value = validOrDefault(field, raw);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** What one edit asks for: the prompt box's choices (or a preset's), and its model-specific inputs. */
export interface EditChoices {
  aspectRatio?: AspectRatio;
  outputFormat?: OutputFormat;
  /** Values of the model's other per-edit inputs (dev's steps and guidance), by input name. */
  inputs?: Readonly<Record<string, Scalar>>;
}

export type BuiltInput = { ok: true; input: ScalarRecord } | { ok: false; message: string };

/**
 * The inputs a job sends besides the prompt and the image: the options page's values, the edit's own
 * choices for the inputs the box asks, and our seed, checked against the model's schema.
 */
export function buildModelInput(spec: ModelSpec, settings: OptionSettings, choices: EditChoices, seed: number): BuiltInput {
  const values = optionValues(spec, settings);
  const perEdit: Record<string, Scalar | undefined> = { aspect_ratio: choices.aspectRatio, output_format: choices.outputFormat, ...choices.inputs };
  for (const name of spec.editInputs) {
    const value = perEdit[name];
    if (value !== undefined) values[name] = value;
  }
  if (spec.seedInput) values[spec.seedInput] = seed;
  const parsed = inputSchemaOf(spec.fields).safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${spec.label} cannot take this edit: ${issue?.message ?? 'an input is not valid'}` };
  }
  return { ok: true, input: parsed.data };
}
