import { useId, type ReactNode } from 'react';

/** What a control inside a FormField must spread on itself to be labelled and described. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FormFieldProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  /** Checkboxes read better with the label after the box. */
  inline?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled control with its hint and, when invalid, its error message right next to it. */
export function FormField({ label, error, hint, inline = false, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : undefined, hint ? hintId : undefined].filter(Boolean).join(' ') || undefined;
  const control = children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy });
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
      {inline ? (
        <div className="field-row">
          {control}
          <label htmlFor={id}>{label}</label>
        </div>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
          {control}
        </>
      )}
      {error && <p id={errorId} className="field-error">{error}</p>}
      {hint && <p id={hintId} className="field-hint">{hint}</p>}
    </div>
  );
}
