import { useNow } from '../utils/ui/use-now';

/** When an edit finished: the time today, else the date (the history goes back months). */
export function FinishedAt({ at }: { at: number }) {
  const now = useNow(false);
  const date = new Date(at);
  const today = new Date(now).toDateString() === date.toDateString();
  const text = today
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: new Date(now).getFullYear() === date.getFullYear() ? undefined : 'numeric' });
  return <time className="job-date" dateTime={date.toISOString()} title={date.toLocaleString()}>{text}</time>;
}
