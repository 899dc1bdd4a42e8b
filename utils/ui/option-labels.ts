import type { AspectRatio, Model, OutputFormat } from '../settings';

/** Friendly model names with the price per edit, as the options page shows them. */
export const MODEL_LABELS: Record<Model, string> = {
  'black-forest-labs/flux-kontext-pro': 'FLUX.1 Kontext [pro] — $0.04 per edit',
  'black-forest-labs/flux-kontext-max': 'FLUX.1 Kontext [max] — $0.08 per edit',
  'black-forest-labs/flux-kontext-dev': 'FLUX.1 Kontext [dev] — $0.025 per edit',
};

/** Output format names people know. */
export const OUTPUT_FORMAT_LABELS: Record<OutputFormat, string> = {
  png: 'PNG',
  jpg: 'JPEG',
};

/** Aspect ratios as words; the ratios themselves read fine as they are. */
export function aspectRatioLabel(ratio: AspectRatio): string {
  return ratio === 'match_input_image' ? 'Same as the image' : ratio;
}
