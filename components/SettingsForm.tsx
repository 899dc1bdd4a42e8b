import { useRef, useState, type FormEvent } from 'react';
import { ASPECT_RATIOS, MODELS, OutputFormat } from '../utils/settings';
import { MODEL_LABELS, OUTPUT_FORMAT_LABELS, aspectRatioLabel } from '../utils/ui/option-labels';
import { startConnectionTest, startSave, type OptionsDeps, type Outcome, type Started } from '../utils/ui/options-actions';
import type { FieldErrors, SettingsField, SettingsFormValues } from '../utils/ui/settings-form';
import type { Provider } from '../utils/settings';
import { BASE_URL_HINTS, KEY_PLACEHOLDERS, providerOf, type ProviderFields } from '../utils/ui/provider-form';
import { ApiKeyHint } from './ApiKeyHint';
import { ApiKeyInput } from './ApiKeyInput';
import { ProviderSettings } from './ProviderSettings';
import { FormField } from './FormField';

interface SettingsFormProps {
  initial: SettingsFormValues;
  deps: OptionsDeps;
  /** Every provider's saved key, shown when the user switches provider. */
  savedKeys?: Partial<Record<Provider, string>>;
}

/** The input size caps offered, in pixels. */
const INPUT_SIZES: [number, string][] = [
  [500_000, '0.5 megapixels'], [1_000_000, '1 megapixel'], [2_000_000, '2 megapixels (default)'], [4_000_000, '4 megapixels'],
];

const FIELD_ORDER: SettingsField[] = ['apiKey', 'baseUrl', 'model', 'outputFormat', 'aspectRatio', 'safetyTolerance', 'promptUpsampling', 'maxConcurrentJobs', 'maxInputPixels'];

/** The settings form. Nothing is stored unless every field is valid. */
export function SettingsForm({ initial, deps, savedKeys }: SettingsFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState<'save' | 'test'>();

  function set<K extends SettingsField>(field: K, value: SettingsFormValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setOutcome(undefined);
  }

  // `start` runs synchronously inside the click: a permission prompt needs the user gesture.
  function run(kind: 'save' | 'test', start: (values: SettingsFormValues, deps: OptionsDeps) => Started) {
    if (busy) return;
    const started = start(values, deps);
    if ('errors' in started) {
      setErrors(started.errors);
      setOutcome(undefined);
      const first = FIELD_ORDER.find((field) => started.errors[field]);
      formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    setOutcome(kind === 'test' ? { kind: 'status', text: 'Testing…' } : undefined);
    setBusy(kind);
    void started.pending.then(setOutcome).finally(() => setBusy(undefined));
  }

  // A provider switch replaces the key and base URL together; their old errors no longer apply.
  function switchProvider(fields: ProviderFields) {
    setValues((v) => ({ ...v, ...fields }));
    setErrors((e) => ({ ...e, apiKey: undefined, baseUrl: undefined }));
    setOutcome(undefined);
  }
  const provider = providerOf(values.provider);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    run('save', startSave);
  }

  return (
    <form ref={formRef} className="settings" onSubmit={onSubmit} noValidate>
      <ProviderSettings fields={values} savedKeys={savedKeys} onChange={switchProvider} />
      <FormField
        label="API key"
        error={errors.apiKey}
        hint={<ApiKeyHint provider={provider} />}
      >
        {(control) => <ApiKeyInput control={control} value={values.apiKey} placeholder={KEY_PLACEHOLDERS[provider]} onChange={(v) => set('apiKey', v)} />}
      </FormField>
      <FormField label="API base URL" error={errors.baseUrl} hint={BASE_URL_HINTS[provider]}>
        {(control) => (
          <input {...control} data-field="baseUrl" type="url" value={values.baseUrl} spellCheck={false} onChange={(e) => set('baseUrl', e.target.value)} />
        )}
      </FormField>
      <FormField label="Model" error={errors.model} hint="Each edit is billed by the provider to your account.">
        {(control) => (
          <select {...control} data-field="model" value={values.model} onChange={(e) => set('model', e.target.value)}>
            {MODELS.map((model) => <option key={model} value={model}>{MODEL_LABELS[model]}</option>)}
          </select>
        )}
      </FormField>
      <div className="field-pair">
        <FormField label="Output format" error={errors.outputFormat}>
          {(control) => (
            <select {...control} data-field="outputFormat" value={values.outputFormat} onChange={(e) => set('outputFormat', e.target.value)}>
              {OutputFormat.options.map((format) => <option key={format} value={format}>{OUTPUT_FORMAT_LABELS[format]}</option>)}
            </select>
          )}
        </FormField>
        <FormField label="Aspect ratio" error={errors.aspectRatio}>
          {(control) => (
            <select {...control} data-field="aspectRatio" value={values.aspectRatio} onChange={(e) => set('aspectRatio', e.target.value)}>
              {ASPECT_RATIOS.map((ratio) => <option key={ratio} value={ratio}>{aspectRatioLabel(ratio)}</option>)}
            </select>
          )}
        </FormField>
      </div>
      <FormField label="Safety tolerance" error={errors.safetyTolerance} hint="0 is the strictest, 2 the most permissive (the most allowed when editing an image).">
        {(control) => (
          <input {...control} data-field="safetyTolerance" type="number" min={0} max={2} step={1} inputMode="numeric" value={values.safetyTolerance} onChange={(e) => set('safetyTolerance', e.target.value)} />
        )}
      </FormField>
      <FormField label="Prompt upsampling" inline error={errors.promptUpsampling} hint="Lets the model expand a short instruction into a more detailed one. Results vary.">
        {(control) => (
          <input {...control} data-field="promptUpsampling" type="checkbox" checked={values.promptUpsampling} onChange={(e) => set('promptUpsampling', e.target.checked)} />
        )}
      </FormField>
      <FormField label="Edits at once" error={errors.maxConcurrentJobs} hint="How many edits may run at the provider at the same time (1–10). Later ones wait their turn, in order.">
        {(control) => (
          <input {...control} data-field="maxConcurrentJobs" type="number" min={1} max={10} step={1} inputMode="numeric" value={values.maxConcurrentJobs} onChange={(e) => set('maxConcurrentJobs', e.target.value)} />
        )}
      </FormField>
      <FormField label="Largest image sent" error={errors.maxInputPixels} hint="Larger pictures are scaled down to this before upload. The model works at about 1 megapixel; smaller uploads are faster on slow connections.">
        {(control) => (
          <select {...control} data-field="maxInputPixels" value={values.maxInputPixels} onChange={(e) => set('maxInputPixels', e.target.value)}>
            {INPUT_SIZES.map(([pixels, label]) => <option key={pixels} value={String(pixels)}>{label}</option>)}
          </select>
        )}
      </FormField>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy !== undefined}>Save</button>
        <button type="button" className="secondary" disabled={busy !== undefined} onClick={() => run('test', startConnectionTest)}>Test connection</button>
      </div>
      <p className="outcome" role="status">{outcome?.kind === 'status' ? outcome.text : ''}</p>
      {outcome?.kind === 'alert' && <p className="alert" role="alert">{outcome.text}</p>}
    </form>
  );
}
