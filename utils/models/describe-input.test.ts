import { describe, expect, it } from 'vitest';
import { describeInput } from './describe-input';
import { KONTEXT_DEV, KONTEXT_PRO } from './kontext';

describe('describeInput', () => {
  it('lists a dev job’s inputs by their labels, aspect ratio, format and seed first', () => {
    const rows = describeInput({ go_fast: true, guidance: 2.5, seed: 5, num_inference_steps: 30, output_format: 'jpg', aspect_ratio: 'match_input_image' }, KONTEXT_DEV);
    expect(rows).toEqual([
      { term: 'Aspect ratio', value: 'Same as the image' },
      { term: 'Output format', value: 'JPEG' },
      { term: 'Seed', value: '5' },
      { term: 'Steps', value: '30' },
      { term: 'Guidance', value: '2.5' },
      { term: 'Go fast', value: 'On' },
    ]);
  });

  it('names an input the model has no field for by its own name', () => {
    expect(describeInput({ megapixels: '1', seed: 3 }, KONTEXT_PRO)).toEqual([{ term: 'Seed', value: '3' }, { term: 'megapixels', value: '1' }]);
    expect(describeInput({ prompt_upsampling: false }, undefined)).toEqual([{ term: 'prompt_upsampling', value: 'Off' }]);
  });
});
