import type { InputField, Scalar } from './input-field';

/** A model input as typed in a form: text for numbers and choices, a flag for checkboxes. */
export type TypedValue = string | boolean;

/** A value as a form shows it. */
export function typedOf(value: Scalar | undefined): TypedValue {
  return typeof value === 'boolean' ? value : value === undefined ? '' : String(value);
}

/** A typed value as the field's type: numbers from their text (NaN when it is not one, so the schema says so). */
export function valueOf(field: InputField, typed: TypedValue | undefined): unknown {
  if (field.kind === 'integer' || field.kind === 'number') {
    const text = typeof typed === 'string' ? typed.trim() : '';
    const pattern = field.kind === 'integer' ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)$/;
    return pattern.test(text) ? Number(text) : Number.NaN;
  }
  return typed;
}
