import { monthTotal } from '../utils/spend/ledger';
import { formatMicros } from '../utils/spend/money';
import { useSpend } from '../utils/spend/use-spend';

/** The popup's one line of spending: this month's billed edits, against the cap when one is set. */
export function SpendLine({ now = Date.now }: { now?: () => number }) {
  const { ledger, settings } = useSpend();
  if (!ledger || !settings) return null;
  const spent = formatMicros(monthTotal(ledger, now()));
  const cap = settings.capMicros === undefined ? '' : ` of ${formatMicros(settings.capMicros)}`;
  return <p className="muted spend-line">This month: {spent}{cap}</p>;
}
