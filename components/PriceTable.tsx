import { useState } from 'react';
import { formatMicros } from '../utils/spend/money';
import { BILLING_RULE_TEXT, BUILT_IN_PRICES_AS_OF, PROVIDER_LABELS, effectivePrices, priceKey, type PriceOverrides } from '../utils/spend/price-table';
import { microsToInput, parsePriceInput } from '../utils/spend/spend-form';
import { saveSpendSettings, type SpendSettings } from '../utils/spend/spend-settings';

const UNIT = { 'per-output-image': 'per output image', 'per-second': 'per second', 'per-request': 'per request' } as const;

/** The price table, each row editable; a price equal to the built-in one is stored as no override. */
export function PriceTable({ settings }: { settings: SpendSettings }) {
  const prices = effectivePrices(settings.prices);
  const [texts, setTexts] = useState(() => Object.fromEntries(prices.map((row) => [priceKey(row.provider, row.model), microsToInput(row.micros)])));
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const rules = [...new Set(prices.map((row) => row.rule))];

  function save() {
    const overrides: PriceOverrides = {};
    for (const row of effectivePrices({})) {
      const key = priceKey(row.provider, row.model);
      const parsed = parsePriceInput(texts[key] ?? '');
      if (!parsed.ok) {
        setError(`${row.model}: ${parsed.message}`);
        return;
      }
      if (parsed.micros !== row.micros) overrides[key] = parsed.micros;
    }
    setError(undefined);
    saveSpendSettings({ ...settings, prices: overrides }).then(() => setSaved('Prices saved.'), () => setError('The prices could not be saved.'));
  }

  function reset() {
    setTexts(Object.fromEntries(effectivePrices({}).map((row) => [priceKey(row.provider, row.model), microsToInput(row.micros)])));
    setError(undefined);
    saveSpendSettings({ ...settings, prices: {} }).then(() => setSaved('Built-in prices restored.'), () => setError('The prices could not be saved.'));
  }

  return (
    <div className="price-table">
      <h3>Prices</h3>
      <table className="diagnostics-table" aria-label="Prices">
        <thead><tr><th scope="col">Model</th><th scope="col">Provider</th><th scope="col">Price (USD)</th><th scope="col">Built-in</th></tr></thead>
        <tbody>
          {prices.map((row) => {
            const key = priceKey(row.provider, row.model);
            const builtIn = effectivePrices({}).find((r) => priceKey(r.provider, r.model) === key);
            return (
              <tr key={key}>
                <th scope="row">{row.model}</th>
                <td>{PROVIDER_LABELS[row.provider] ?? row.provider}</td>
                <td>
                  <input
                    aria-label={`Price of ${row.model} at ${row.provider} (USD ${UNIT[row.rule]})`}
                    inputMode="decimal"
                    value={texts[key] ?? ''}
                    onChange={(e) => {
                      setTexts((t) => ({ ...t, [key]: e.target.value }));
                      setSaved(undefined);
                    }}
                  />{' '}{UNIT[row.rule]}
                </td>
                <td>{builtIn ? formatMicros(builtIn.micros) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">Built-in prices as published on the providers’ model pages in {BUILT_IN_PRICES_AS_OF}. Change a price when your provider charges differently.</p>
      <ul className="muted">{rules.map((rule) => <li key={rule}>{BILLING_RULE_TEXT[rule]}</li>)}</ul>
      <div className="actions">
        <button type="button" className="secondary" onClick={save}>Save prices</button>
        <button type="button" className="secondary" onClick={reset}>Reset to built-in prices</button>
      </div>
      {error && <p className="alert" role="alert">{error}</p>}
      {saved && <p role="status" className="outcome">{saved}</p>}
    </div>
  );
}
