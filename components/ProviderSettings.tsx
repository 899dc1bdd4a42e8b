import { useId, useRef } from 'react';
import { Provider } from '../utils/settings';
import {
  initialDrafts, providerOf, PROVIDER_LABELS, switchProvider, type ProviderDrafts, type ProviderFields,
} from '../utils/ui/provider-form';

interface ProviderSettingsProps {
  /** The form's provider, key and base URL as shown. */
  fields: ProviderFields;
  /** Every provider's saved key, so choosing one shows its own key. */
  savedKeys?: Partial<Record<Provider, string>>;
  /** Called with the new provider's fields when the user picks another provider. */
  onChange: (fields: ProviderFields) => void;
}

const HINTS: Readonly<Record<Provider, string>> = {
  replicate: 'Replicate runs FLUX.1 Kontext for you (or a Replicate-compatible service does) and bills your Replicate account per image.',
  bfl: 'Black Forest Labs, who make FLUX.1 Kontext, run it on their own API and take credits from your BFL account per request.',
};

/** Who runs the edits. Switching swaps the key and base URL shown; nothing is stored until Save. */
export function ProviderSettings({ fields, savedKeys = {}, onChange }: ProviderSettingsProps) {
  const legendId = useId();
  // What was typed for the provider not shown; kept across switches until the page closes.
  const drafts = useRef<ProviderDrafts | null>(null);
  drafts.current ??= initialDrafts(fields, savedKeys);
  const current = providerOf(fields.provider);

  function choose(next: Provider) {
    const switched = switchProvider(fields, next, drafts.current ?? initialDrafts(fields, savedKeys));
    drafts.current = switched.drafts;
    onChange(switched.fields);
  }

  return (
    <fieldset className="field provider-choice" role="radiogroup" aria-labelledby={legendId}>
      <legend id={legendId}>Provider</legend>
      <div className="field-row">
        {Provider.options.map((provider) => (
          <label key={provider}>
            <input type="radio" name="provider" value={provider} checked={current === provider} onChange={() => choose(provider)} />{' '}
            {PROVIDER_LABELS[provider]}
          </label>
        ))}
      </div>
      <p className="field-hint">{HINTS[current]}</p>
    </fieldset>
  );
}
