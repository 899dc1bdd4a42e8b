import { useId } from 'react';
import type { InputField } from '../utils/models/input-field';
import type { TypedValue } from '../utils/models/typed-value';

interface PromptModelFieldsProps {
  /** The model's per-edit inputs besides aspect ratio and format (dev: steps and guidance). */
  fields: readonly InputField[];
  values: Readonly<Record<string, TypedValue>>;
  errors: Readonly<Record<string, string | undefined>>;
  onChange: (name: string, value: TypedValue) => void;
}

/** The chosen model's own per-edit inputs in the prompt box, starting from the options page's values. */
export function PromptModelFields({ fields, values, errors, onChange }: PromptModelFieldsProps) {
  const id = useId();
  if (fields.length === 0) return null;
  return (
    <div className="kx-row">
      {fields.map((field) => {
        const controlId = `${id}-${field.name}`;
        const errorId = `${controlId}-error`;
        const error = errors[field.name];
        const value = values[field.name];
        const common = { id: controlId, 'data-input': field.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined };
        if (field.kind === 'boolean') {
          return (
            <div key={field.name} className="kx-field kx-check">
              <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(field.name, e.target.checked)} />
              <label htmlFor={controlId}>{field.label}</label>
            </div>
          );
        }
        const text = typeof value === 'string' ? value : '';
        return (
          <div key={field.name} className="kx-field">
            <label htmlFor={controlId}>{field.label}</label>
            {field.kind === 'enum' ? (
              <select {...common} value={text} onChange={(e) => onChange(field.name, e.target.value)}>
                {field.options.map((option) => <option key={option} value={option}>{option}</option>)}
              </select>
            ) : (
              <input
                {...common} type={field.kind === 'string' ? 'text' : 'number'} min={'min' in field ? field.min : undefined} max={'max' in field ? field.max : undefined}
                step={field.kind === 'integer' ? 1 : 'any'} value={text} onChange={(e) => onChange(field.name, e.target.value)}
              />
            )}
            {error && <p id={errorId} className="kx-field-error">{error}</p>}
          </div>
        );
      })}
    </div>
  );
}
