import { ASPECT_RATIOS } from '../settings';
import type { InputField } from './input-field';
import type { ModelSpec } from './model-spec';

/*
 * The FLUX.1 Kontext models on Replicate. Fields follow their published input schemas
 * (/work/shared/reference: flux-kontext-pro.input.schema.json; flux-kontext-dev per API-NOTES.md and
 * its Replicate API page), narrowed where the extension always sends an image.
 */

const ASPECT_RATIO_HINT = 'Same as the image keeps the picture’s shape.';

const aspectRatio = (options: readonly string[]): InputField => ({
  kind: 'enum', name: 'aspect_ratio', label: 'Aspect ratio', options, default: 'match_input_image', hint: ASPECT_RATIO_HINT,
});
const seed: InputField = { kind: 'integer', name: 'seed', label: 'Seed', min: 0 };

const PRO_FIELDS: readonly InputField[] = [
  aspectRatio(ASPECT_RATIOS),
  // webp is rejected by pro and max (API-NOTES.md).
  { kind: 'enum', name: 'output_format', label: 'Output format', options: ['jpg', 'png'], default: 'png' },
  // The schema allows 0–6, but at most 2 when an input image is sent, and the extension always sends one.
  { kind: 'integer', name: 'safety_tolerance', label: 'Safety tolerance', min: 0, max: 2, default: 2, hint: '0 is the strictest, 2 the most permissive (the most allowed when editing an image).' },
  { kind: 'boolean', name: 'prompt_upsampling', label: 'Prompt upsampling', default: false, hint: 'Lets the model expand a short instruction into a more detailed one. Results vary.' },
  seed,
];

function proLike(id: string, label: string): ModelSpec {
  return {
    id, label, providers: ['replicate', 'bfl'], promptInput: 'prompt', imageInput: 'input_image', fields: PRO_FIELDS,
    editInputs: ['aspect_ratio', 'output_format'],
    optionInputs: ['aspect_ratio', 'output_format', 'safety_tolerance', 'prompt_upsampling'],
    seedInput: 'seed',
  };
}

export const KONTEXT_PRO = proLike('black-forest-labs/flux-kontext-pro', 'FLUX.1 Kontext [pro]');
export const KONTEXT_MAX = proLike('black-forest-labs/flux-kontext-max', 'FLUX.1 Kontext [max]');

/** Aspect ratios flux-kontext-dev's predictor knows (no 2:1 or 1:2, unlike pro and max). */
export const DEV_ASPECT_RATIOS = ['match_input_image', '1:1', '16:9', '21:9', '3:2', '2:3', '4:5', '5:4', '3:4', '4:3', '9:16', '9:21'] as const;

/** The open-weights model: sampling knobs instead of safety tolerance and prompt upsampling. */
export const KONTEXT_DEV: ModelSpec = {
  id: 'black-forest-labs/flux-kontext-dev',
  label: 'FLUX.1 Kontext [dev]',
  // Black Forest Labs' API has no Kontext [dev] endpoint.
  providers: ['replicate'],
  promptInput: 'prompt',
  imageInput: 'input_image',
  fields: [
    aspectRatio(DEV_ASPECT_RATIOS),
    { kind: 'integer', name: 'num_inference_steps', label: 'Steps', min: 4, max: 50, default: 30, hint: 'More steps: finer detail, slower (4–50).' },
    { kind: 'number', name: 'guidance', label: 'Guidance', min: 0, max: 10, default: 2.5, hint: 'How closely the edit follows the instruction (0–10).' },
    { kind: 'boolean', name: 'go_fast', label: 'Go fast', default: true, hint: 'Faster runs; harder edits may lose a little quality.' },
    // The model also writes webp (its default), but only PNG and JPEG results carry the instruction and
    // source inside the saved file (image/provenance.ts), and every browser copies them: so we always
    // ask for one of these two, never leaving the format to the model's webp default.
    { kind: 'enum', name: 'output_format', label: 'Output format', options: ['jpg', 'png'], default: 'png' },
    { kind: 'integer', name: 'output_quality', label: 'JPEG quality', min: 0, max: 100, default: 80, hint: '0–100; not used for PNG.' },
    { kind: 'boolean', name: 'disable_safety_checker', label: 'Turn off the safety checker', default: false, hint: 'The model otherwise refuses results its checker flags as unsafe.' },
    seed,
  ],
  editInputs: ['aspect_ratio', 'output_format', 'num_inference_steps', 'guidance'],
  optionInputs: ['aspect_ratio', 'output_format', 'num_inference_steps', 'guidance', 'go_fast', 'output_quality', 'disable_safety_checker'],
  seedInput: 'seed',
};
