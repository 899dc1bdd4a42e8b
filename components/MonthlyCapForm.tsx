import { useState, type FormEvent } from 'react';
import { WARN_PERCENT } from '../utils/spend/cap';
import { microsToInput, parseCapInput } from '../utils/spend/spend-form';
import { saveSpendSettings, type SpendSettings } from '../utils/spend/spend-settings';

/** The monthly cap: empty for none; edits that would pass it are refused before they are billed. */
export function MonthlyCapForm({ settings }: { settings: SpendSettings }) {
  const [text, setText] = useState(settings.capMicros === undefined ? '' : microsToInput(settings.capMicros));
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseCapInput(text);
    if (!parsed.ok) {
      setError(parsed.message);
      setSaved(undefined);
      return;
    }
    setError(undefined);
    saveSpendSettings({ ...settings, capMicros: parsed.micros }).then(
      () => setSaved(parsed.micros === undefined ? 'No monthly cap.' : 'Monthly cap saved.'),
      () => setError('The cap could not be saved. Try again.'),
    );
  }

  return (
    <form className="spend-cap" onSubmit={onSubmit} noValidate>
      <label htmlFor="monthly-cap">Monthly cap (USD)</label>
      <div className="key-row">
        <input
          id="monthly-cap"
          inputMode="decimal"
          value={text}
          placeholder="No cap"
          aria-invalid={error ? true : undefined}
          aria-describedby="monthly-cap-hint"
          onChange={(e) => {
            setText(e.target.value);
            setSaved(undefined);
          }}
        />
        <button type="submit" className="secondary">Save cap</button>
      </div>
      <p id="monthly-cap-hint" className="muted">
        The prompt box warns from {WARN_PERCENT} % of the cap. An edit that would pass it is refused before anything is
        billed, counting edits still running or waiting. Leave empty for no cap.
      </p>
      {error && <p className="alert" role="alert">{error}</p>}
      {saved && <p role="status" className="outcome">{saved}</p>}
    </form>
  );
}
