import { useRef, useState, type FormEvent } from 'react';
import { startConnectionTest, startSave, type OptionsDeps, type Outcome, type Started } from '../utils/ui/options-actions';
import type { FieldErrors, SettingsField, SettingsFormValues } from '../utils/ui/settings-form';
import type { Provider } from '../utils/settings';
import { BASE_URL_HINTS, KEY_PLACEHOLDERS, providerOf, type ProviderFields } from '../utils/ui/provider-form';
import { ApiKeyHint } from './ApiKeyHint';
import { ApiKeyInput } from './ApiKeyInput';
import { ProviderSettings } from './ProviderSettings';
import { FormField } from './FormField';
import { ModelSettings } from './ModelSettings';

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

  /** A change of several fields at once (ModelSettings: a model switch also fixes the ratio and format). */
  function change(patch: Partial<SettingsFormValues>, touched: (keyof FieldErrors)[]) {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(touched.map((key) => [key, undefined])) }));
    setOutcome(undefined);
  }

  // `start` runs synchronously inside the click: a permission prompt needs the user gesture.
  function run(kind: 'save' | 'test', start: (values: SettingsFormValues, deps: OptionsDeps) => Started) {
    if (busy) return;
    const started = start(values, deps);
    if ('errors' in started) {
      setErrors(started.errors);
      setOutcome(undefined);
      const first = FIELD_ORDER.find((field) => started.errors[field]) ?? Object.keys(started.errors).find((key) => started.errors[key as keyof FieldErrors]);
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
      <ModelSettings values={values} errors={errors} onChange={change} />
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
