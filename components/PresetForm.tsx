import { useState, type FormEvent } from 'react';
import { PresetDraft, MAX_PRESET_NAME } from '../utils/presets/preset';
import { ASPECT_RATIOS, MODELS } from '../utils/settings';
import { FormField } from './FormField';

interface PresetFormProps {
  /** The preset being edited, or undefined for a new one. */
  initial?: PresetDraft;
  /** Saves the valid draft; a rejection's message is shown in the form (quota, too many…). */
  onSave: (draft: PresetDraft) => Promise<void>;
  onCancel: () => void;
}

type Errors = Partial<Record<'name' | 'instruction' | 'form', string>>;

/** Optional choices: empty means "whatever the settings say when the preset runs". */
const SAME_AS_SETTINGS = '';

/** The inline form that adds or edits one preset; validated with the stored schema before saving. */
export function PresetForm({ initial, onSave, onCancel }: PresetFormProps) {
  const [values, setValues] = useState({
    name: initial?.name ?? '',
    instruction: initial?.instruction ?? '',
    aspectRatio: initial?.aspectRatio ?? SAME_AS_SETTINGS,
    outputFormat: initial?.outputFormat ?? SAME_AS_SETTINGS,
    model: initial?.model ?? SAME_AS_SETTINGS,
  });
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = PresetDraft.safeParse({
      name: values.name,
      instruction: values.instruction,
      aspectRatio: values.aspectRatio || undefined,
      outputFormat: values.outputFormat || undefined,
      model: values.model || undefined,
    });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'name' || issue.path[0] === 'instruction' ? issue.path[0] : 'form';
        next[field] ??= issue.message;
      }
      setErrors(next);
      // The first invalid field takes the focus, so its message is read out.
      const first = next.name ? 'name' : next.instruction ? 'instruction' : undefined;
      if (first) ((event.currentTarget as HTMLFormElement).elements.namedItem(first) as HTMLElement | null)?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(parsed.data);
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : 'The preset could not be saved.' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="settings preset-form" onSubmit={(e) => void submit(e)} noValidate aria-label={initial ? `Edit preset ${initial.name}` : 'New preset'}>
      <FormField label="Name" error={errors.name} hint="Shown in the image menu under Edit with Kontext.">
        {(control) => <input {...control} name="name" type="text" maxLength={MAX_PRESET_NAME + 20} value={values.name} onChange={(e) => set('name')(e.target.value)} />}
      </FormField>
      <FormField label="Instruction" error={errors.instruction}>
        {(control) => <textarea {...control} name="instruction" rows={3} value={values.instruction} onChange={(e) => set('instruction')(e.target.value)} />}
      </FormField>
      <div className="field-pair">
        <FormField label="Aspect ratio">
          {(control) => (
            <select {...control} value={values.aspectRatio} onChange={(e) => set('aspectRatio')(e.target.value)}>
              <option value={SAME_AS_SETTINGS}>As in settings</option>
              {ASPECT_RATIOS.map((ratio) => <option key={ratio} value={ratio}>{ratio === 'match_input_image' ? 'Same as the image' : ratio}</option>)}
            </select>
          )}
        </FormField>
        <FormField label="Output format">
          {(control) => (
            <select {...control} value={values.outputFormat} onChange={(e) => set('outputFormat')(e.target.value)}>
              <option value={SAME_AS_SETTINGS}>As in settings</option>
              <option value="png">PNG</option>
              <option value="jpg">JPEG</option>
            </select>
          )}
        </FormField>
        <FormField label="Model">
          {(control) => (
            <select {...control} value={values.model} onChange={(e) => set('model')(e.target.value)}>
              <option value={SAME_AS_SETTINGS}>As in settings</option>
              {MODELS.map((model) => <option key={model} value={model}>{model.split('/')[1]}</option>)}
            </select>
          )}
        </FormField>
      </div>
      {errors.form && <p className="alert" role="alert">{errors.form}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>Save preset</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
