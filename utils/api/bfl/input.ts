/** The BFL models the extension offers, by their endpoint name under the base URL. */
export const BFL_MODELS = ['flux-kontext-pro', 'flux-kontext-max'] as const;
export type BflModel = (typeof BFL_MODELS)[number];

/** Default base URL of Black Forest Labs' own API (API-NOTES.md). */
export const DEFAULT_BFL_BASE_URL = 'https://api.bfl.ai/v1';

/** The BFL endpoint for a model named the Replicate way ("black-forest-labs/flux-kontext-pro") or bare. */
export function bflModelFor(model: string): BflModel | undefined {
  const name = model.split('/').at(-1) ?? '';
  return (BFL_MODELS as readonly string[]).includes(name) ? (name as BflModel) : undefined;
}

/**
 * The BFL request body for a job's Replicate-style input: the image as bare base64 (a data: URI's
 * payload) or an https URL, `jpg` spelled `jpeg`, and `match_input_image` left out (BFL's default
 * follows the input image). Unset values are omitted, as for Replicate.
 */
export function bflBody(input: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'input_image' && typeof value === 'string') body[key] = value.replace(/^data:[^,]*;base64,/, '');
    else if (key === 'output_format' && value === 'jpg') body[key] = 'jpeg';
    else if (key === 'aspect_ratio' && value === 'match_input_image') continue;
    else body[key] = value;
  }
  return body;
}
