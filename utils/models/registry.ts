import { MODELS } from '../settings';
import { KONTEXT_DEV, KONTEXT_MAX, KONTEXT_PRO } from './kontext';
import type { ModelSpec } from './model-spec';

/** The models the extension ships with, in the order the options page lists them. */
export const BUILT_IN_SPECS: readonly ModelSpec[] = [KONTEXT_PRO, KONTEXT_MAX, KONTEXT_DEV];

/** True for a model the extension ships with (as opposed to one read from its schema). */
export function isBuiltInModel(id: string): boolean {
  return (MODELS as readonly string[]).includes(id);
}

/** The spec of a built-in model, or undefined. */
export function builtInSpec(id: string): ModelSpec | undefined {
  return BUILT_IN_SPECS.find((spec) => spec.id === id);
}

/** The spec of `model`: a built-in one, or the other model read from its schema; undefined when neither. */
export function specFor(model: string, settings: { otherModel?: ModelSpec }): ModelSpec | undefined {
  return builtInSpec(model) ?? (settings.otherModel?.id === model ? settings.otherModel : undefined);
}

/** The spec of the model settings name (pro when the saved name has no spec, for forms to show something). */
export function specForSettings(settings: { model: string; otherModel?: ModelSpec }): ModelSpec {
  return specFor(settings.model, settings) ?? KONTEXT_PRO;
}
