import type { InputField } from '../utils/models/input-field';
import { fieldOf } from '../utils/models/model-spec';
import { optionKey, typedDefaults, unboundOptionFields, type TypedValue } from '../utils/models/option-form';
import { BUILT_IN_SPECS, isBuiltInModel, specFor } from '../utils/models/registry';
import type { SpecResult } from '../utils/models/schema-to-spec';
import type { ModelSpec } from '../utils/models/model-spec';
import { sendToBackground } from '../utils/send-message';
import { MODEL_LABELS, OUTPUT_FORMAT_LABELS, aspectRatioLabel } from '../utils/ui/option-labels';
import type { AspectRatio, Model, OutputFormat } from '../utils/settings';
import type { FieldErrors, SettingsFormValues } from '../utils/ui/settings-form';
import { FormField } from './FormField';
import { ModelOptionField } from './ModelOptionField';
import { OtherModelField } from './OtherModelField';

type ModelValues = Pick<SettingsFormValues, 'model' | 'outputFormat' | 'aspectRatio' | 'safetyTolerance' | 'promptUpsampling' | 'modelOptions' | 'otherModelName' | 'otherModel' | 'baseUrl' | 'apiKey'>;

/** The Model select's entry for any other Replicate model. */
const OTHER = 'other';

interface ModelSettingsProps {
  values: ModelValues;
  errors: FieldErrors;
  /** Applies a change and clears the errors of the fields it touched. */
  onChange: (patch: Partial<ModelValues>, touched: (keyof FieldErrors)[]) => void;
  /** Reads another model's inputs; by default through the background with the typed base URL and key. */
  readModel?: (name: string) => Promise<SpecResult>;
}

function optionsOf(field: InputField | undefined): readonly string[] {
  return field?.kind === 'enum' ? field.options : [];
}

/** The model and the inputs it takes: only the chosen model's (dev has no safety tolerance, pro no steps). */
export function ModelSettings({ values, errors, onChange, readModel }: ModelSettingsProps) {
  const isOther = !isBuiltInModel(values.model);
  const spec = specFor(values.model, values);
  // The inputs kept in settings of their own (built-in models only; another model's are all its own).
  const takes = (name: string) => !isOther && (spec?.optionInputs.includes(name) ?? false);
  const ratios = spec ? optionsOf(fieldOf(spec, 'aspect_ratio')) : [];
  const formats = spec ? optionsOf(fieldOf(spec, 'output_format')) : [];
  const own = (spec && values.modelOptions[spec.id]) ?? {};
  const read = readModel ?? ((name: string) => sendToBackground({ type: 'bg:read-model', model: name, baseUrl: values.baseUrl, apiKey: values.apiKey }));

  function chooseModel(choice: string) {
    if (choice === OTHER) {
      onChange({ model: values.otherModel?.id ?? values.otherModelName.trim() }, ['model']);
      return;
    }
    const model = choice;
    const next = specFor(model, values);
    if (!next) return;
    // Keep the shared ratio and format when the new model takes them, else start from its defaults.
    const keep = (name: string, current: string) => {
      const field = fieldOf(next, name);
      return field?.kind === 'enum' && !field.options.includes(current) ? field.default ?? field.options[0] ?? current : current;
    };
    onChange(
      { model, aspectRatio: keep('aspect_ratio', values.aspectRatio), outputFormat: keep('output_format', values.outputFormat) },
      ['model', 'aspectRatio', 'outputFormat'],
    );
  }

  function setOwn(name: string, value: TypedValue) {
    if (!spec) return;
    onChange({ modelOptions: { ...values.modelOptions, [spec.id]: { ...own, [name]: value } } }, [optionKey(name)]);
  }

  function onRead(read: ModelSpec) {
    onChange(
      { model: read.id, otherModel: read, otherModelName: read.id, modelOptions: { ...values.modelOptions, [read.id]: typedDefaults(read) } },
      ['model', 'otherModelName', ...unboundOptionFields(read).map((f) => optionKey(f.name))],
    );
  }

  return (
    <>
      <FormField label="Model" error={errors.model} hint={!spec || spec.providers.includes('bfl') ? 'Each edit is billed by the provider to your account.' : 'Each edit is billed by the provider to your account. This model runs on Replicate only.'}>
        {(control) => (
          <select {...control} data-field="model" value={isOther ? OTHER : values.model} onChange={(e) => chooseModel(e.target.value)}>
            {BUILT_IN_SPECS.map((s) => <option key={s.id} value={s.id}>{MODEL_LABELS[s.id as Model] ?? s.label}</option>)}
            <option value={OTHER}>Other model…</option>
          </select>
        )}
      </FormField>
      {isOther && (
        <OtherModelField
          name={values.otherModelName}
          error={errors.otherModelName}
          // The typed name is the model; its inputs count once read for that very name. A built-in one's name
          // stays pending here (reading it selects the built-in model), or typing it would swap this form away.
          onName={(name) => onChange({ otherModelName: name, model: isBuiltInModel(name.trim()) ? '' : name.trim() }, ['otherModelName', 'model'])}
          read={read}
          onRead={onRead}
        />
      )}
      <div className="field-pair">
        {takes('output_format') && (
          <FormField label="Output format" error={errors.outputFormat}>
            {(control) => (
              <select {...control} data-field="outputFormat" value={values.outputFormat} onChange={(e) => onChange({ outputFormat: e.target.value }, ['outputFormat'])}>
                {formats.map((format) => <option key={format} value={format}>{OUTPUT_FORMAT_LABELS[format as OutputFormat] ?? format}</option>)}
              </select>
            )}
          </FormField>
        )}
        {takes('aspect_ratio') && (
          <FormField label="Aspect ratio" error={errors.aspectRatio}>
            {(control) => (
              <select {...control} data-field="aspectRatio" value={values.aspectRatio} onChange={(e) => onChange({ aspectRatio: e.target.value }, ['aspectRatio'])}>
                {ratios.map((ratio) => <option key={ratio} value={ratio}>{aspectRatioLabel(ratio as AspectRatio)}</option>)}
              </select>
            )}
          </FormField>
        )}
      </div>
      {takes('safety_tolerance') && (
        <FormField label="Safety tolerance" error={errors.safetyTolerance} hint={spec && fieldOf(spec, 'safety_tolerance')?.hint}>
          {(control) => (
            <input {...control} data-field="safetyTolerance" type="number" min={0} max={2} step={1} inputMode="numeric" value={values.safetyTolerance} onChange={(e) => onChange({ safetyTolerance: e.target.value }, ['safetyTolerance'])} />
          )}
        </FormField>
      )}
      {takes('prompt_upsampling') && (
        <FormField label="Prompt upsampling" inline error={errors.promptUpsampling} hint={spec && fieldOf(spec, 'prompt_upsampling')?.hint}>
          {(control) => (
            <input {...control} data-field="promptUpsampling" type="checkbox" checked={values.promptUpsampling} onChange={(e) => onChange({ promptUpsampling: e.target.checked }, ['promptUpsampling'])} />
          )}
        </FormField>
      )}
      {spec && unboundOptionFields(spec).map((field) => (
        <ModelOptionField key={`${spec.id} ${field.name}`} field={field} value={own[field.name]} error={errors[optionKey(field.name)]} onChange={(value) => setOwn(field.name, value)} />
      ))}
    </>
  );
}
