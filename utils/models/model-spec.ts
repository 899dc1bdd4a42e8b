import type { Provider } from '../settings';
import type { InputField } from './input-field';

/**
 * What the extension knows about one model: the inputs it takes besides the prompt and the image, and
 * where each is asked. Plain data, so it can be sent to the prompt box and stored with a setting.
 */
export interface ModelSpec {
  /** `owner/name` on Replicate. */
  id: string;
  /** Friendly name. */
  label: string;
  /** Providers that run it (Black Forest Labs' own API has no endpoint for some). */
  providers: readonly Provider[];
  /** The input that takes the instruction, and the one that takes the picture being edited. */
  promptInput: string;
  imageInput: string;
  /** Every input the extension may send besides the prompt and the image, in form order. */
  fields: readonly InputField[];
  /** Inputs asked per edit in the prompt box. */
  editInputs: readonly string[];
  /** Inputs set on the options page (the edit inputs among them are the box's starting values). */
  optionInputs: readonly string[];
  /**
   * The input our per-attempt seed goes into. It doubles as the marker that finds our prediction in
   * the provider's list after a create whose answer was lost; a model without one is found by prompt.
   */
  seedInput?: string;
}

/** The field named `name` of a spec. */
export function fieldOf(spec: Pick<ModelSpec, 'fields'>, name: string): InputField | undefined {
  return spec.fields.find((field) => field.name === name);
}
