import { useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryEntry } from '../utils/history/history-entry';
import { liveEditsOf, useLiveJobs } from '../utils/ui/live-edits';
import { formatLocalDate, metadataRows } from '../utils/ui/result-metadata';
import { versionLabel, versionNumbers } from '../utils/ui/version-labels';
import { CompareView } from './CompareView';
import { ResultActions } from './ResultActions';
import { ResultEditDialog } from './ResultEditDialog';
import { ResultLiveEdits } from './ResultLiveEdits';
import { ResultMetadata } from './ResultMetadata';
import { VersionTree } from './VersionTree';

interface ResultViewProps {
  entry: HistoryEntry;
  /** Every version of the same source. */
  tree: readonly HistoryEntry[];
  /** A passing word about the version shown (e.g. the one viewed before was deleted). */
  notice?: string;
  onOpen: (jobId: string) => void;
}

/** One version at full size: compare, actions, facts, and the tree of its source's versions. */
export function ResultView({ entry, tree, notice, onOpen }: ResultViewProps) {
  const [editing, setEditing] = useState(false);
  const focusTreeNext = useRef(false);
  const treeRef = useRef<HTMLUListElement>(null);
  const { job } = entry;
  const number = versionNumbers(tree).get(entry.id);
  const label = versionLabel(number, job.prompt);
  const rows = useMemo(() => metadataRows(entry, tree, formatLocalDate), [entry, tree]);
  const liveJobs = useLiveJobs();
  const liveEdits = useMemo(() => liveEditsOf(liveJobs ?? [], new Set(tree.map((version) => version.id))), [liveJobs, tree]);

  // After the prompt box closed (and gave the focus back to its opener), point at the version before
  // this one in the tree: Up and Down reach the others, Enter opens one to edit.
  useEffect(() => {
    if (editing || !focusTreeNext.current) return;
    focusTreeNext.current = false;
    const items = [...(treeRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
    const target = items.find((item) => item.dataset.versionId === entry.parentId) ?? items.find((item) => item.tabIndex === 0);
    target?.focus();
  }, [editing, entry.parentId]);

  return (
    <>
      <div className="result-page" inert={editing}>
        <header className="result-header">
          {number !== undefined && <p className="result-kicker">Version {number} of {tree.length}</p>}
          <h1>{job.prompt}</h1>
          {notice && <p className="result-notice" role="status">{notice}</p>}
        </header>
        <div className="result-layout">
          <section className="result-main" aria-label="Result">
            {/* Keyed by version: a new version starts half and half, with no confirmation left open. */}
            <CompareView key={`compare-${entry.id}`} jobId={entry.id} prompt={job.prompt} result={job.result} input={job.image} />
            <ResultActions
              key={`actions-${entry.id}`}
              job={job}
              label={label}
              hasEdits={tree.some((other) => other.parentId === entry.id)}
              onEditAgain={() => setEditing(true)}
            />
          </section>
          <aside className="result-side">
            <section aria-labelledby="versions-heading">
              <h2 id="versions-heading">Versions</h2>
              <VersionTree tree={tree} currentId={entry.id} onOpen={onOpen} treeRef={treeRef} />
            </section>
            <ResultLiveEdits jobs={liveEdits} />
            <section aria-labelledby="details-heading">
              <h2 id="details-heading">Details</h2>
              <ResultMetadata rows={rows} />
            </section>
          </aside>
        </div>
      </div>
      {editing && (
        <ResultEditDialog
          jobId={entry.id}
          onClose={() => setEditing(false)}
          onEditEarlier={() => {
            focusTreeNext.current = true;
            setEditing(false);
          }}
        />
      )}
    </>
  );
}
