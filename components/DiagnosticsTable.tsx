import { Fragment } from 'react';
import type { DiagnosticEntry } from '../utils/diagnostics';

interface DiagnosticsTableProps {
  /** In display order (newest first). */
  entries: DiagnosticEntry[];
}

/** What the status column says: the HTTP status, or that no answer came at all. */
export function statusLabel(status: number | null): string {
  return status === null ? 'No answer' : String(status);
}

// Paths wrap only after a slash: breaking anywhere squeezes the column to a few letters.
function WrappablePath({ path }: { path: string }) {
  const parts = path.split('/');
  return parts.map((part, index) => (
    <Fragment key={index}>{part}{index < parts.length - 1 && <>/<wbr /></>}</Fragment>
  ));
}

/** The recorded exchanges, one row each. */
export function DiagnosticsTable({ entries }: DiagnosticsTableProps) {
  return (
    <div className="diagnostics-scroll">
      <table className="diagnostics-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Method</th>
            <th scope="col">Path</th>
            <th scope="col">Status</th>
            <th scope="col">Duration</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => {
            const when = new Date(entry.at);
            const failed = entry.status === null || entry.status >= 400;
            return (
              <tr key={`${entry.at}-${index}`}>
                <td><time dateTime={when.toISOString()} title={when.toISOString()}>{when.toLocaleTimeString()}</time></td>
                <td>{entry.method}</td>
                <td className="diagnostics-path" title={`${entry.host}${entry.path}`}><WrappablePath path={entry.path} /></td>
                <td className={failed ? 'diagnostics-failed' : 'diagnostics-ok'}>{statusLabel(entry.status)}</td>
                <td className="diagnostics-number">{Math.round(entry.ms)} ms</td>
                <td className="diagnostics-error">{entry.error ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
