import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { checkModelOptions, typedModelOptions } from './option-form';

const DEV = 'black-forest-labs/flux-kontext-dev';
const shared = { aspectRatio: 'match_input_image', outputFormat: 'png', provider: 'replicate' };

describe('model options as typed on the options page', () => {
  it('start from saved values or defaults, as text', () => {
    const typed = typedModelOptions({ ...DEFAULT_SETTINGS, modelOptions: { [DEV]: { guidance: 4 } } });
    expect(typed[DEV]).toEqual({ num_inference_steps: '30', guidance: '4', go_fast: true, output_quality: '80', disable_safety_checker: false });
  });

  it('keep only what differs from the defaults, as numbers', () => {
    const typed = { [DEV]: { num_inference_steps: '30', guidance: '3.5', go_fast: true, output_quality: '80', disable_safety_checker: true } };
    expect(checkModelOptions(DEV, typed, shared)).toEqual({ modelOptions: { [DEV]: { guidance: 3.5, disable_safety_checker: true } }, errors: {} });
  });

  it('report the chosen model’s bad values, a ratio it does not take and a provider that does not run it', () => {
    const typed = { [DEV]: { num_inference_steps: 'ten', guidance: '2.5', output_quality: '80' } };
    const checked = checkModelOptions(DEV, typed, { ...shared, aspectRatio: '2:1', provider: 'bfl' });
    expect(checked.errors).toEqual({
      'option.num_inference_steps': 'Steps: enter a whole number.',
      aspectRatio: 'FLUX.1 Kontext [dev] does not take 2:1.',
      model: expect.stringMatching(/not offered by Black Forest Labs/),
    });
  });

  it('drop another model’s bad value silently (it is not on screen)', () => {
    const typed = { [DEV]: { num_inference_steps: '999' } };
    expect(checkModelOptions('black-forest-labs/flux-kontext-pro', typed, shared)).toEqual({ modelOptions: {}, errors: {} });
  });
});

describe('another model on the options page', () => {
  it('must be named and read before it can be saved', () => {
    expect(checkModelOptions('', {}, shared).errors).toEqual({ otherModelName: 'Name the model as owner/name, then read its inputs.' });
    expect(checkModelOptions('someone/x', {}, shared).errors).toEqual({ otherModelName: expect.stringMatching(/Read the inputs of someone\/x first/) });
  });
});
