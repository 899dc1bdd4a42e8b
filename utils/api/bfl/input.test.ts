import { describe, expect, it } from 'vitest';
import { bflBody, bflModelFor } from './input';

describe('bflModelFor', () => {
  it.each([
    ['black-forest-labs/flux-kontext-pro', 'flux-kontext-pro'],
    ['black-forest-labs/flux-kontext-max', 'flux-kontext-max'],
    ['flux-kontext-max', 'flux-kontext-max'],
    ['black-forest-labs/flux-kontext-dev', undefined],
    ['', undefined],
  ])('maps %j to %j', (model, expected) => {
    expect(bflModelFor(model)).toBe(expected);
  });
});

describe('bflBody', () => {
  it('sends a data: URI as bare base64 and spells jpg as jpeg', () => {
    expect(bflBody({ prompt: 'p', input_image: 'data:image/png;base64,iVBORw0K', output_format: 'jpg' })).toEqual({
      prompt: 'p',
      input_image: 'iVBORw0K',
      output_format: 'jpeg',
    });
  });

  it('passes an https input image and png through unchanged', () => {
    expect(bflBody({ input_image: 'https://example.com/a.png', output_format: 'png' })).toEqual({
      input_image: 'https://example.com/a.png',
      output_format: 'png',
    });
  });

  it('leaves out match_input_image and unset values, keeps real ratios and options', () => {
    expect(bflBody({ aspect_ratio: 'match_input_image', seed: undefined, prompt_upsampling: null, x: '' })).toEqual({});
    expect(bflBody({ aspect_ratio: '16:9', seed: 0, safety_tolerance: 2, prompt_upsampling: false })).toEqual({
      aspect_ratio: '16:9',
      seed: 0,
      safety_tolerance: 2,
      prompt_upsampling: false,
    });
  });
});
