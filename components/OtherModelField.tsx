import { useState } from 'react';
import type { ModelSpec } from '../utils/models/model-spec';
import type { SpecResult } from '../utils/models/schema-to-spec';
import { FormField } from './FormField';

interface OtherModelFieldProps {
  name: string;
  error?: string;
  onName: (name: string) => void;
  /** Reads the named model's inputs (through the background, with the typed base URL and key). */
  read: (name: string) => Promise<SpecResult>;
  onRead: (spec: ModelSpec) => void;
}

/** "Other model": any Replicate model named owner/name, whose inputs are read from its published schema. */
export function OtherModelField({ name, error, onName, read, onRead }: OtherModelFieldProps) {
  const [busy, setBusy] = useState(false);
  const [news, setNews] = useState('');
  // Why the last read failed (not a model the extension can use, a 404…), until the name changes.
  const [failure, setFailure] = useState<string>();

  function readInputs() {
    if (busy) return;
    setBusy(true);
    setNews('Reading its inputs…');
    read(name)
      .catch((e: unknown): SpecResult => ({ ok: false, message: `Reading the model failed: ${String(e)}` }))
      .then((result) => {
        setNews(result.ok ? `Read ${result.spec.fields.length} inputs of ${result.spec.id}.` : '');
        setFailure(result.ok ? undefined : result.message);
        if (result.ok) onRead(result.spec);
      })
      .finally(() => setBusy(false));
  }

  return (
    <>
      <FormField
        label="Other model"
        error={error ?? failure}
        hint="A Replicate model named owner/name that takes a text prompt and an image. The extension knows no price for it: check the model’s page."
      >
        {(control) => (
          <input
            {...control} data-field="otherModelName" type="text" spellCheck={false} placeholder="owner/name" value={name}
            onChange={(e) => {
              setFailure(undefined);
              onName(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                readInputs();
              }
            }}
          />
        )}
      </FormField>
      <div className="actions">
        <button type="button" className="secondary" disabled={busy} onClick={readInputs}>Read its inputs</button>
      </div>
      <p className="field-hint" aria-live="polite">{news}</p>
    </>
  );
}
