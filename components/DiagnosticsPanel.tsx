import { useEffect, useState } from 'react';
import { clearDiagnostics, formatDiagnostics, MAX_DIAGNOSTICS } from '../utils/diagnostics';
import { browserDiagnosticsDeps, type DiagnosticsDeps } from '../utils/ui/diagnostics-deps';
import { useDiagnostics } from '../utils/ui/use-diagnostics';
import { DiagnosticsTable } from './DiagnosticsTable';
import './diagnostics.css';

interface DiagnosticsPanelProps {
  deps?: DiagnosticsDeps;
}

const NOTICE_MS = 4_000;

/** The options page's Diagnostics section: the recent API exchanges, to copy into a bug report. */
export function DiagnosticsPanel({ deps = browserDiagnosticsDeps }: DiagnosticsPanelProps) {
  const entries = useDiagnostics();
  // Not role=status: the settings form owns the page's status line, and tests find it by that role.
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  async function copy() {
    try {
      await deps.writeText(formatDiagnostics(entries ?? [], deps.meta()));
      setNotice('Copied');
    } catch (error) {
      setNotice(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function clear() {
    try {
      await clearDiagnostics();
      setNotice('Cleared');
    } catch {
      setNotice('Could not clear the diagnostics. Reload this page and try again.');
    }
  }

  const newestFirst = [...(entries ?? [])].sort((a, b) => b.at - a.at);
  return (
    <section className="diagnostics" aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">Diagnostics</h2>
      <p className="muted">
        The last {MAX_DIAGNOSTICS} exchanges with the API, newest first, to paste into a bug report. They never include
        your API key or your images.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void copy()} disabled={entries === undefined}>Copy diagnostics</button>
        <button type="button" className="secondary" onClick={() => void clear()} disabled={!entries?.length}>Clear diagnostics</button>
        <span className="outcome diagnostics-notice" aria-live="polite">{notice}</span>
      </div>
      {entries?.length === 0 && <p className="muted">No exchanges with the API yet. Test connection or start an edit, and they appear here.</p>}
      {newestFirst.length > 0 && <DiagnosticsTable entries={newestFirst} />}
    </section>
  );
}
