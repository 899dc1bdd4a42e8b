import { useEffect, useRef, useState } from 'react';
import { getSettings, watchSettings } from '../utils/settings-store';
import type { Settings } from '../utils/settings';
import { monthKey, monthTotals } from '../utils/spend/ledger';
import { formatMicros } from '../utils/spend/money';
import { monthLabel } from '../utils/spend/spend-form';
import { useSpend } from '../utils/spend/use-spend';
import { MonthlyCapForm } from './MonthlyCapForm';
import { PriceTable } from './PriceTable';
import './diagnostics.css';

/** The id the prompt box's "Raise the cap" opens ("options.html#spending"). */
export const SPENDING_SECTION = 'spending';

/** The Other model the options name (`owner/name`), live; undefined when a built-in model is chosen. */
function useOtherModel(): string | undefined {
  const [model, setModel] = useState<string>();
  useEffect(() => {
    let live = true;
    const take = (settings: Settings) => live && setModel(settings.otherModel?.id);
    getSettings().then(take, () => undefined);
    const stop = watchSettings(take);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return model;
}

/**
 * The options page's Spending section: what billed edits cost by month (the ledger), the monthly cap,
 * and the price table the figures come from.
 */
export function SpendPanel({ now = Date.now }: { now?: () => number }) {
  const { ledger, settings } = useSpend();
  const otherModel = useOtherModel();
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (location.hash === `#${SPENDING_SECTION}`) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  const current = monthKey(now());
  const totals = ledger ? monthTotals(ledger) : [];
  const rows = totals.some((row) => row.month === current) ? totals : [{ month: current, micros: 0, count: 0 }, ...totals];

  return (
    <section ref={sectionRef} className="diagnostics spending" id={SPENDING_SECTION} aria-labelledby="spending-heading">
      <h2 id="spending-heading">Spending</h2>
      <p className="muted">
        Worked out here from the price table below and each provider’s billing rule, for edits started from this
        browser. Your provider’s invoice is the authority. Months are calendar months in UTC.
      </p>
      {!ledger || !settings ? <p className="muted">Loading…</p> : (
        <>
          <table className="diagnostics-table spend-totals" aria-label="Spending by month">
            <thead><tr><th scope="col">Month</th><th scope="col">Billed edits</th><th scope="col">Spent</th></tr></thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{monthLabel(row.month)}{row.month === current ? ' (this month)' : ''}</th>
                  <td>{row.count}</td>
                  <td>{formatMicros(row.micros)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <MonthlyCapForm settings={settings} />
          {/* Keyed: the table's fields start from the prices again when the Other model changes. */}
          <PriceTable key={otherModel ?? ''} settings={settings} otherModels={otherModel ? [otherModel] : []} />
        </>
      )}
    </section>
  );
}
