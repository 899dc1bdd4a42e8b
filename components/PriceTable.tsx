import { useState } from 'react';
import { formatMicros } from '../utils/spend/money';
import {
  BILLING_RULE_TEXT, BUILT_IN_PRICES_AS_OF, PROVIDER_LABELS, effectivePrices, priceKey, type BillingRule, type PriceOverrides,
} from '../utils/spend/price-table';
import { microsToInput, parsePriceInput } from '../utils/spend/spend-form';
import { saveSpendSettings, type SpendSettings } from '../utils/spend/spend-settings';

const UNIT = { 'per-output-image': 'per output image', 'per-second': 'per second', 'per-request': 'per request' } as const;

/** A row of the table as shown: a built-in price, or an Other model's, which has none until the user sets it. */
interface ShownRow {
  provider: string;
  model: string;
  rule: BillingRule;
  micros?: number;
  builtInMicros?: number;
}

/** The built-in rows with the user's prices, then one per-second row per Other model (priced or not). */
function shownRows(overrides: PriceOverrides, otherModels: readonly string[]): ShownRow[] {
  const builtIn = effectivePrices({});
  const rows: ShownRow[] = effectivePrices(overrides).map((row, i) => ({ ...row, builtInMicros: builtIn[i]?.micros }));
  for (const model of otherModels) {
    if (rows.some((row) => row.model === model)) continue;
    rows.push({ provider: 'replicate', model, rule: 'per-second', micros: overrides[priceKey('replicate', model)] });
  }
  return rows;
}

/**
 * The price table, each row editable; a price equal to the built-in one is stored as no override. An
 * Other model (options, Model) gets a row of its own, billed by run time, empty until the user prices it.
 */
export function PriceTable({ settings, otherModels = [] }: { settings: SpendSettings; otherModels?: readonly string[] }) {
  const prices = shownRows(settings.prices, otherModels);
  const [texts, setTexts] = useState(() => Object.fromEntries(prices.map((row) => [priceKey(row.provider, row.model), row.micros === undefined ? '' : microsToInput(row.micros)])));
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const rules = [...new Set(prices.map((row) => row.rule))];

  function save() {
    // Prices of Other models not shown now (the model was changed since) are kept, not dropped.
    // (Every built-in row is shown, so what is not shown is such a price.)
    const shown = new Set(prices.map((row) => priceKey(row.provider, row.model)));
    const overrides: PriceOverrides = Object.fromEntries(Object.entries(settings.prices).filter(([key]) => !shown.has(key)));
    for (const row of prices) {
      const key = priceKey(row.provider, row.model);
      const text = texts[key] ?? '';
      // An Other model's empty price means "not known": no row in the ledger rather than a guess.
      if (row.builtInMicros === undefined && text.trim() === '') continue;
      const parsed = parsePriceInput(text);
      if (!parsed.ok) {
        setError(`${row.model}: ${parsed.message}`);
        return;
      }
      if (parsed.micros !== row.builtInMicros) overrides[key] = parsed.micros;
    }
    setError(undefined);
    saveSpendSettings({ ...settings, prices: overrides }).then(() => setSaved('Prices saved.'), () => setError('The prices could not be saved.'));
  }

  function reset() {
    setTexts(Object.fromEntries(shownRows({}, otherModels).map((row) => [priceKey(row.provider, row.model), row.micros === undefined ? '' : microsToInput(row.micros)])));
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
                <td>{row.builtInMicros === undefined ? 'none' : formatMicros(row.builtInMicros)}</td>
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
