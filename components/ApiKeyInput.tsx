import { useState } from 'react';
import type { FieldControlProps } from './FormField';

interface ApiKeyInputProps {
  control: FieldControlProps;
  value: string;
  /** What the box shows when empty (each provider's keys look different). */
  placeholder?: string;
  onChange: (value: string) => void;
}

/** The API key box: hidden by default, with a toggle to check what was pasted. */
export function ApiKeyInput({ control, value, placeholder = 'r8_…', onChange }: ApiKeyInputProps) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="key-row">
      <input
        {...control}
        data-field="apiKey"
        type={visible ? 'text' : 'password'}
        value={value}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
      <button type="button" className="secondary" aria-controls={control.id} onClick={() => setVisible((v) => !v)}>
        {visible ? 'Hide key' : 'Show key'}
      </button>
    </div>
  );
}
