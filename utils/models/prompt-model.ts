import type { PromptModel } from '../messages';
import type { Settings } from '../settings';
import { optionValues } from './model-input';
import { specForSettings } from './registry';

/** The chosen model and its options-page values, as the prompt box is told them. */
export function promptModelOf(settings: Settings): PromptModel {
  const spec = specForSettings(settings);
  return { spec, values: optionValues(spec, settings) };
}
