// Makes the output image of a prediction from its input: decode, crop, filter, encode.
import { decodeImage, encodeImage, type Raster } from './image-codec';
import { applyFilter, chooseFilter } from './image-filter';
import { capPixels, cropToRatio, gradient, ratioOf, sizeForRatio } from './image-geometry';
import { InputError } from './input-resolve';
import type { InputInfo } from './types';

/** Outputs stay near the model's size so encoding stays quick. */
const MAX_OUTPUT_PIXELS = 2_100_000;

/** An encoded output file. */
export interface RenderedOutput {
  data: Buffer;
  ext: 'jpg' | 'png';
  contentType: string;
}

function sourceRaster(input: InputInfo | null, aspect: string | undefined): Raster {
  if (!input) {
    const { width, height } = sizeForRatio(ratioOf(aspect));
    return gradient(width, height);
  }
  if (input.format === 'jpeg' || input.format === 'png') {
    try {
      return decodeImage(input.data);
    } catch {
      throw new InputError('cannot identify image file: the input_image is corrupt or truncated');
    }
  }
  // GIF and WebP are accepted by the model but not decodable here: keep their size at least.
  if ((input.format === 'gif' || input.format === 'webp') && input.width > 0 && input.height > 0) {
    return gradient(input.width, input.height);
  }
  throw new InputError('cannot identify image file: input_image must be jpeg, png, gif, or webp');
}

/** Renders the output for a prediction input. */
export function renderOutput(input: InputInfo | null, modelInput: Record<string, unknown>): RenderedOutput {
  const aspect = typeof modelInput.aspect_ratio === 'string' ? modelInput.aspect_ratio : undefined;
  let raster = sourceRaster(input, aspect);
  const ratio = ratioOf(aspect);
  if (input && ratio !== null) raster = cropToRatio(raster, ratio);
  raster = capPixels(raster, MAX_OUTPUT_PIXELS);
  const prompt = typeof modelInput.prompt === 'string' ? modelInput.prompt : '';
  const seed = typeof modelInput.seed === 'number' ? modelInput.seed : null;
  raster = applyFilter(raster, chooseFilter(prompt, seed));
  const ext = modelInput.output_format === 'jpg' ? 'jpg' : 'png';
  return { data: encodeImage(raster, ext), ext, contentType: ext === 'jpg' ? 'image/jpeg' : 'image/png' };
}
