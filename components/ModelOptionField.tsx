import type { InputField } from '../utils/models/input-field';
import { optionKey, type TypedValue } from '../utils/models/option-form';
import { FormField } from './FormField';

interface ModelOptionFieldProps {
  field: InputField;
  value: TypedValue | undefined;
  error?: string;
  onChange: (value: TypedValue) => void;
}

/** One input of a model on the options page, its control picked by the input's type. */
export function ModelOptionField({ field, value, error, onChange }: ModelOptionFieldProps) {
  const dataField = optionKey(field.name);
  if (field.kind === 'boolean') {
    return (
      <FormField label={field.label} inline error={error} hint={field.hint}>
        {(control) => <input {...control} data-field={dataField} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />}
      </FormField>
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <FormField label={field.label} error={error} hint={field.hint}>
      {(control) => {
        if (field.kind === 'enum') {
          return (
            <select {...control} data-field={dataField} value={text} onChange={(e) => onChange(e.target.value)}>
              {field.options.map((option) => <option key={option} value={option}>{option}</option>)}
            </select>
          );
        }
        if (field.kind === 'string') return <input {...control} data-field={dataField} type="text" value={text} onChange={(e) => onChange(e.target.value)} />;
        return (
          <input
            {...control} data-field={dataField} type="number" min={field.min} max={field.max} step={field.kind === 'integer' ? 1 : 'any'}
            inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'} value={text} onChange={(e) => onChange(e.target.value)}
          />
        );
      }}
    </FormField>
  );
}
