import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { exportFileName } from '../utils/history/export-history';
import { describeImport, HistoryImportError } from '../utils/history/import-history';
import { isQuotaExceeded } from '../utils/job-errors';
import { formatStorageBytes, MAKE_ROOM_ADVICE } from '../utils/storage-health';
import { browserHistoryStorageDeps, type HistoryStorageDeps } from '../utils/ui/history-storage-deps';
import { HISTORY_STORAGE_SECTION } from '../utils/ui/open-options';
import { useStorageHealth } from '../utils/ui/use-storage-health';

export { HISTORY_STORAGE_SECTION };

type Busy = 'export' | 'import' | undefined;

/** Why an import stopped, for people. */
function importFailure(error: unknown): string {
  if (error instanceof HistoryImportError) return error.message;
  if (isQuotaExceeded(error)) return `Storage is full, so the import stopped; the edits imported so far are kept. ${MAKE_ROOM_ADVICE}`;
  return `The file could not be imported: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The options page's History and storage section: how many edits are kept and how much space they
 * take, whether the browser keeps that storage, and export/import of the whole history as one file.
 */
export function HistoryStoragePanel({ deps = browserHistoryStorageDeps }: { deps?: HistoryStorageDeps }) {
  const health = useStorageHealth(deps);
  const [count, setCount] = useState<number>();
  const [persisted, setPersisted] = useState<boolean>();
  const [busy, setBusy] = useState<Busy>();
  // Not role=status: the settings form owns the page's status line, and tests find it by that role.
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const sectionRef = useRef<HTMLElement>(null);

  // Opened from the popup's storage warning (options.html#history-storage): bring the section into view.
  useEffect(() => {
    if (location.hash === `#${HISTORY_STORAGE_SECTION}`) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  const refreshCount = useCallback(() => {
    deps.countEdits().then(setCount, () => setCount(undefined));
  }, [deps]);

  useEffect(() => {
    refreshCount();
    deps.persisted().then(setPersisted, () => setPersisted(undefined));
    return deps.watch(refreshCount);
  }, [deps, refreshCount]);

  async function run(kind: Exclude<Busy, undefined>, work: () => Promise<string>, failure: (error: unknown) => string) {
    setBusy(kind);
    setNotice(kind === 'export' ? 'Exporting…' : 'Importing…');
    setProblem('');
    try {
      setNotice(await work());
    } catch (error) {
      setNotice('');
      setProblem(failure(error));
    } finally {
      setBusy(undefined);
      refreshCount();
    }
  }

  const exportAll = () =>
    run('export', async () => {
      const result = await deps.exportHistory();
      const name = exportFileName(new Date(deps.now()));
      await deps.save(result.blob, name);
      return `Exported ${result.entries} ${result.entries === 1 ? 'edit' : 'edits'} to ${name}.`;
    }, (error) => `The history could not be exported: ${error instanceof Error ? error.message : String(error)}`);

  function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again still fires a change.
    event.target.value = '';
    if (file) void run('import', async () => describeImport(await deps.importHistory(file)), importFailure);
  }

  return (
    <section ref={sectionRef} className="diagnostics history-storage" id={HISTORY_STORAGE_SECTION} aria-labelledby="history-storage-heading">
      <h2 id="history-storage-heading">History and storage</h2>
      <p>{count === undefined ? 'Counting edits…' : `${count} ${count === 1 ? 'edit' : 'edits'} kept in the history.`}</p>
      {health?.usage !== undefined && health.quota !== undefined && (
        <p>Space used: {formatStorageBytes(health.usage)} of {formatStorageBytes(health.quota)} the browser allows the extension.</p>
      )}
      {health?.level === 'unknown' && <p className="muted">{health.message}</p>}
      {persisted === true && <p className="muted">Storage is persistent: the browser does not clear it to make room.</p>}
      {persisted === false && (
        <p className="muted">Storage is not persistent: the browser may clear it when the disk is nearly full. Export your history to keep a copy.</p>
      )}
      {(health?.level === 'low' || health?.level === 'critical') && <p className="alert">{health.message}</p>}
      <p className="muted">
        Export saves every edit (pictures and details) in one .zip file; import adds the edits of such a file to this
        browser, skipping any already here. Nothing is ever deleted by either.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void exportAll()} disabled={busy !== undefined || !count}>
          Export history
        </button>
        <button type="button" className="secondary" onClick={() => fileInput.current?.click()} disabled={busy !== undefined}>
          Import history…
        </button>
        <input ref={fileInput} type="file" accept=".zip,application/zip" aria-label="History file to import" hidden onChange={onFileChosen} />
        <span className="outcome history-storage-notice" aria-live="polite">{notice}</span>
      </div>
      {problem && <p className="alert" role="alert">{problem}</p>}
    </section>
  );
}
