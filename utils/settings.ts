import { z } from 'zod';
import { ScalarRecord } from './models/input-field';
import { ModelName, ModelSpecSchema } from './models/model-spec-schema';

/** Default API base URL; any Replicate-compatible base (e.g. a reseller's proxy) can replace it. */
export const DEFAULT_BASE_URL = 'https://api.replicate.com/v1';

/** Models the options page offers, as `owner/name` on Replicate. */
export const MODELS = ['black-forest-labs/flux-kontext-pro', 'black-forest-labs/flux-kontext-max', 'black-forest-labs/flux-kontext-dev'] as const;
export const Model = z.enum(MODELS);
export type Model = z.infer<typeof Model>;

/** Aspect ratios flux-kontext accepts (its input schema's enum). */
export const ASPECT_RATIOS = [
  'match_input_image',
  '1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3', '4:5', '5:4', '21:9', '9:21', '2:1', '1:2',
] as const;
export const AspectRatio = z.enum(ASPECT_RATIOS);
export type AspectRatio = z.infer<typeof AspectRatio>;

/** webp output is rejected by the model, so only these two. */
export const OutputFormat = z.enum(['jpg', 'png']);
export type OutputFormat = z.infer<typeof OutputFormat>;

/** A base URL the user typed: http(s) only, no trailing slash, no query or fragment. */
export const BaseUrl = z
  .string()
  .trim()
  .min(1, 'Enter the API base URL.')
  .transform((value) => value.replace(/\/+$/, ''))
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, 'Enter a full http(s) URL such as https://api.replicate.com/v1.');

/** Who runs the edits: Replicate (or a compatible proxy), or Black Forest Labs' own API. */
export const Provider = z.enum(['replicate', 'bfl']);
export type Provider = z.infer<typeof Provider>;

/** Black Forest Labs' own API (its global endpoint; results come back with regional polling URLs). */
export const DEFAULT_BFL_BASE_URL = 'https://api.bfl.ai/v1';
/** Each provider's base URL when the user has not typed another. */
export const DEFAULT_BASE_URLS: Readonly<Record<Provider, string>> = { replicate: DEFAULT_BASE_URL, bfl: DEFAULT_BFL_BASE_URL };

/**
 * Where `provider`'s requests go: the saved base URL belongs to the saved provider; another provider
 * uses the base URL last saved for it (a Replicate proxy kept while BFL is chosen), else its default.
 */
export function baseUrlFor(
  settings: Pick<Settings, 'provider' | 'baseUrl'> & Partial<Pick<Settings, 'otherBaseUrls'>>,
  provider: Provider,
): string {
  return provider === settings.provider ? settings.baseUrl : (settings.otherBaseUrls?.[provider] ?? DEFAULT_BASE_URLS[provider]);
}

/** Everything the user can set except the API key, which lives in the secret store. */
export const Settings = z.object({
  /** Who runs the edits: Replicate (or a compatible proxy), or Black Forest Labs' own API (api.bfl.ai when baseUrl is left at its default). */
  provider: Provider.default('replicate'),
  baseUrl: BaseUrl.default(DEFAULT_BASE_URL),
  /**
   * The base URL last saved for each provider not chosen now: switching back finds it, and a job still
   * running at that provider keeps its host. Only URLs other than the provider's default are kept.
   */
  otherBaseUrls: z.partialRecord(Provider, BaseUrl).default({}),
  /** A built-in model, or any other `owner/name` whose inputs were read into `otherModel`. */
  model: z.union([Model, ModelName], { error: 'Choose a model, or name another one as owner/name.' }).default('black-forest-labs/flux-kontext-pro'),
  /** The inputs of the last other model read from its schema (options page, "Other model"). */
  otherModel: ModelSpecSchema.optional(),
  outputFormat: OutputFormat.default('png'),
  aspectRatio: AspectRatio.default('match_input_image'),
  // The provider accepts at most 2 when an input image is sent, and we always send one.
  safetyTolerance: z.number().int().min(0, 'Use 0, 1 or 2.').max(2, 'At most 2 is allowed when editing an image.').default(2),
  promptUpsampling: z.boolean().default(false),
  /**
   * Options-page values of model inputs without a setting of their own above (flux-kontext-dev's steps,
   * guidance…), by model and input name (models/model-input.ts).
   */
  modelOptions: z.record(z.string().min(1).max(200), ScalarRecord).default({}),
  /** Edits running at the provider at once; later ones wait in order. */
  maxConcurrentJobs: z.number().int().min(1, 'Use 1 to 10.').max(10, 'Use 1 to 10.').default(4),
  /**
   * Largest input image sent, in pixels. FLUX Kontext works at about 1 MP, so more only costs upload
   * time; less makes uploads faster on slow connections.
   */
  maxInputPixels: z.number().int().min(250_000, 'Use 0.25 to 4 megapixels.').max(4_000_000, 'Use 0.25 to 4 megapixels.').default(2_000_000),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** An API key as typed: trimmed, no whitespace inside (a pasted key often carries a newline). */
export const ApiKey = z
  .string()
  .trim()
  .min(1, 'Enter your API key.')
  .refine((value) => !/\s/.test(value), 'The key must not contain spaces or line breaks.');

/**
 * Reads settings back from storage leniently: a field that no longer validates (an older version,
 * a hand edit) falls back to its default instead of stranding every other setting.
 */
export function parseStoredSettings(raw: unknown): Settings {
  const whole = Settings.safeParse(raw ?? {});
  if (whole.success) return whole.data;
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(Settings.shape)) {
    const field = schema.safeParse(record[key]);
    if (field.success) result[key] = field.data;
  }
  return Settings.parse(result);
}
