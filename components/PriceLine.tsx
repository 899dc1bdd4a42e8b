import { WARN_PERCENT } from '../utils/spend/cap';
import type { SpendQuote } from '../utils/spend/spend-gate';
import { formatMicros, percentOf } from '../utils/spend/money';
import { microsToInput } from '../utils/spend/spend-form';

interface PriceLineProps {
  quote: SpendQuote;
  /** Opens the options page at its Spending section, where the cap is raised. */
  onRaiseCap: () => void;
}

/**
 * The prompt box's price line: what this edit costs before it starts, a warning from WARN_PERCENT of
 * the monthly cap, and at the cap the reason no edit starts with a way to raise it.
 */
export function PriceLine({ quote, onRaiseCap }: PriceLineProps) {
  const price = quote.priceMicros !== undefined
    ? `This edit: ${formatMicros(quote.priceMicros)}`
    : quote.perSecondMicros !== undefined
      ? `Billed by run time: $${microsToInput(quote.perSecondMicros)} a second`
      : 'Price unknown for this model';
  const committed = quote.spentMicros + quote.pendingMicros;
  const month = quote.capMicros === undefined
    ? `this month ${formatMicros(quote.spentMicros)}`
    : `this month ${formatMicros(committed)} of ${formatMicros(quote.capMicros)}`;
  return (
    <div className="kx-price">
      <p className="kx-muted">{price} · {month}</p>
      {quote.status === 'warn' && quote.capMicros !== undefined && (
        <p className="kx-notice">
          {percentOf(committed, quote.capMicros)} % of your monthly cap is used (a warning from {WARN_PERCENT} %).
        </p>
      )}
      {quote.status === 'at-cap' && (
        <div className="kx-notice" role="alert">
          <p>Monthly spending cap reached: this edit would go past {formatMicros(quote.capMicros ?? 0)}.</p>
          <button type="button" className="kx-secondary" onClick={onRaiseCap}>Raise the cap</button>
        </div>
      )}
    </div>
  );
}
