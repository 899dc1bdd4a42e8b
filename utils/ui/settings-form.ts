import { ApiKey, Settings, type Provider } from '../settings';
import { keyProviderProblem, otherBaseUrlsToSave, providerOf } from './provider-form';
import { checkModelOptions, typedModelOptions, type TypedModelOptions } from '../models/option-form';
import type { ModelSpec } from '../models/model-spec';
import { isBuiltInModel } from '../models/registry';

/** The options form as typed: every field a string except the checkbox. */
export interface SettingsFormValues {
  /** 'replicate' or 'bfl' (ProviderSettings.tsx); the key and base URL shown are that provider's. */
  provider: string;
  /** The other providers' base URLs, kept while this one is shown (provider-form.ts). */
  otherBaseUrls: Partial<Record<Provider, string>>;
  apiKey: string;
  baseUrl: string;
  model: string;
  outputFormat: string;
  aspectRatio: string;
  safetyTolerance: string;
  promptUpsampling: boolean;
  /** The models' own options as typed (ModelSettings.tsx), every built-in model's, so switching back keeps them. */
  modelOptions: TypedModelOptions;
  /** The other model's name as typed, and its inputs once read (ModelSettings.tsx, "Other model"). */
  otherModelName: string;
  otherModel?: ModelSpec;
  maxConcurrentJobs: string;
  maxInputPixels: string;
}
export type SettingsField = keyof SettingsFormValues;
/** Messages by field, and by `option.<input>` for a model's own inputs (models/option-form.ts). */
export type FieldErrors = Partial<Record<SettingsField | `option.${string}`, string>>;

export type SettingsFormResult =
  | { ok: true; settings: Settings; apiKey: string }
  | { ok: false; errors: FieldErrors };

const SAFETY_MESSAGE = 'Use 0, 1 or 2.';

/** Fills the form from saved settings and key. */
export function formValuesFrom(settings: Settings, apiKey: string | undefined): SettingsFormValues {
  return {
    provider: settings.provider,
    otherBaseUrls: settings.otherBaseUrls,
    apiKey: apiKey ?? '',
    baseUrl: settings.baseUrl,
    model: settings.model,
    outputFormat: settings.outputFormat,
    aspectRatio: settings.aspectRatio,
    safetyTolerance: String(settings.safetyTolerance),
    promptUpsampling: settings.promptUpsampling,
    modelOptions: typedModelOptions(settings),
    otherModelName: isBuiltInModel(settings.model) ? (settings.otherModel?.id ?? '') : settings.model,
    otherModel: settings.otherModel,
    maxConcurrentJobs: String(settings.maxConcurrentJobs),
    maxInputPixels: String(settings.maxInputPixels),
  };
}

/** Validates the whole form with the settings schemas: either clean values or one message per bad field. */
export function validateSettingsForm(values: SettingsFormValues): SettingsFormResult {
  const errors: FieldErrors = {};
  const tolerance = values.safetyTolerance;
  const options = checkModelOptions(values.model, values.modelOptions, values);
  const settings = Settings.safeParse({
    provider: values.provider,
    otherBaseUrls: otherBaseUrlsToSave(values),
    baseUrl: values.baseUrl,
    model: values.model,
    outputFormat: values.outputFormat,
    aspectRatio: values.aspectRatio,
    // An empty or non-numeric entry must be an error, not the schema's default.
    safetyTolerance: wholeNumber(tolerance),
    promptUpsampling: values.promptUpsampling,
    modelOptions: options.modelOptions,
    otherModel: values.otherModel,
    maxConcurrentJobs: wholeNumber(values.maxConcurrentJobs),
    maxInputPixels: wholeNumber(values.maxInputPixels),
  });
  if (!settings.success) {
    for (const issue of settings.error.issues) {
      const field = issue.path[0];
      if (typeof field !== 'string' || !(field in values) || errors[field as SettingsField]) continue;
      errors[field as SettingsField] = issue.code !== 'invalid_type' ? issue.message : field === 'safetyTolerance' ? SAFETY_MESSAGE : 'Enter a whole number.';
    }
  }
  // The chosen model's own checks (its options, and whether it takes the shared ratio and format).
  for (const [key, message] of Object.entries(options.errors)) errors[key as keyof FieldErrors] ??= message;
  const apiKey = ApiKey.safeParse(values.apiKey);
  if (!apiKey.success) errors.apiKey = apiKey.error.issues[0]?.message ?? 'Enter your API key.';
  const wrongKey = apiKey.success ? keyProviderProblem(providerOf(values.provider), apiKey.data) : undefined;
  if (wrongKey) errors.apiKey = wrongKey;
  if (!settings.success || !apiKey.success || wrongKey || Object.keys(options.errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: settings.data, apiKey: apiKey.data };
}

/** A typed whole number, or NaN so that an empty or non-numeric entry is an error, not the schema's default. */
function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
