import { formatBytes } from '../utils/image/errors';
import { formatLabel } from '../utils/image/plan';
import type { PreparedInputState } from '../utils/ui/use-prepared-input';

/** "1024 × 768 JPEG, 180 kB": the image as it will be sent. */
export function describeInput(summary: { width: number; height: number; type: string; bytes: number }): string {
  return `${summary.width} × ${summary.height} ${formatLabel(summary.type)}, ${formatBytes(summary.bytes)}`;
}

/** What will be sent, before the user pays for it: size, format, and how it was obtained. */
export function InputFacts({ state, onOfferSiteAccess }: { state: PreparedInputState; onOfferSiteAccess: () => void }) {
  if ('status' in state) return <p className="kx-muted" role="status">Preparing the image…</p>;
  if (!state.ok) return <p className="kx-error" role="alert">{state.message}</p>;
  return (
    <div className="kx-facts" role="group" aria-label="Image to send">
      <p className="kx-facts-main">Sends {describeInput(state.summary)}</p>
      {state.summary.notes.length > 0 && (
        <ul className="kx-facts-notes">
          {state.summary.notes.map((note) => <li key={note}>{note}</li>)}
        </ul>
      )}
      {state.offerSiteAccess && (
        <p className="kx-offer">
          With access to all sites, the extension could download the full picture itself.{' '}
          <button type="button" className="kx-link" onClick={onOfferSiteAccess}>Allow access to all sites…</button>
        </p>
      )}
    </div>
  );
}
