import { useCallback, useEffect, useMemo, useState } from 'react';
import { matchesSearch, searchWords, siteOf } from '../utils/history/search';
import type { Job } from '../utils/job';
import { sendToBackground } from '../utils/send-message';
import { jobIdFromHash } from '../utils/ui/focused-job';
import { HISTORY_STORAGE_SECTION, openOptionsPage, openOptionsSection } from '../utils/ui/open-options';
import { useEdits } from '../utils/ui/use-edits';
import { useMarkFailuresSeen } from '../utils/ui/use-failures-seen';
import { useHasKey } from '../utils/ui/use-has-key';
import { ClearHistoryDialog } from './ClearHistoryDialog';
import { EditAgainDialog } from './EditAgainDialog';
import { EmptyState } from './EmptyState';
import { HistoryToolbar } from './HistoryToolbar';
import { JobItem } from './JobItem';
import { KeyBanner } from './KeyBanner';
import { SpendLine } from './SpendLine';
import { StorageWarning } from './StorageWarning';
import { VirtualList } from './VirtualList';

/** A done item with its result thumbnail and buttons, the most common row. */
const ROW_ESTIMATE = 330;
const jobKey = (job: Job) => job.id;

/**
 * The toolbar popup: the live jobs and the history, newest first, searchable. It renders what the
 * stores say and sends commands; it owns no job state.
 */
export function PopupApp() {
  const edits = useEdits();
  const jobs = edits?.all;
  const hasKey = useHasKey();
  const [editing, setEditing] = useState<string>();
  const [clearing, setClearing] = useState(false);
  const [query, setQuery] = useState('');
  const closeEditor = useCallback(() => setEditing(undefined), []);
  // Opened from a notification (`popup.html#job=<id>` in a tab): point at that job.
  const [focusedJobId] = useState(() => jobIdFromHash(window.location.hash));
  useMarkFailuresSeen(jobs);

  // The worker may have been stopped: opening the popup makes sure unfinished jobs keep moving.
  useEffect(() => {
    sendToBackground({ type: 'bg:wake' }).catch(() => undefined);
  }, []);

  const words = useMemo(() => searchWords(query), [query]);
  const shown = useMemo(
    () => (edits && words.length > 0 ? edits.all.filter((job) => matchesSearch(job, words, edits.history)) : jobs),
    [edits, jobs, words],
  );

  const renderJob = useCallback(
    (job: Job, position: { 'aria-setsize': number; 'aria-posinset': number }) => (
      <JobItem
        job={job}
        onEditAgain={setEditing}
        focused={job.id === focusedJobId}
        site={edits ? siteOf(job, edits.history) : undefined}
        position={position}
      />
    ),
    [edits, focusedJobId],
  );

  return (
    <>
      <div className="popup" inert={editing !== undefined || clearing}>
        <header className="popup-header">
          <h1>Edit with Kontext</h1>
          <a
            href="options.html"
            className="settings-link"
            onClick={(event) => {
              event.preventDefault();
              openOptionsPage();
            }}
          >
            Settings
          </a>
        </header>
        {hasKey === false && <KeyBanner />}
        <SpendLine />
        <StorageWarning onOpenStorage={() => openOptionsSection(HISTORY_STORAGE_SECTION)} />
        <main>
          {jobs === undefined || shown === undefined ? null : jobs.length === 0 ? <EmptyState /> : (
            <>
              <HistoryToolbar query={query} onQuery={setQuery} historyCount={edits?.history.size ?? 0} onClear={() => setClearing(true)} />
              {shown.length === 0 && <p className="muted history-none" role="status">No edits match “{query.trim()}”.</p>}
              <VirtualList
                items={shown}
                keyOf={jobKey}
                estimate={ROW_ESTIMATE}
                label="Edits"
                renderItem={renderJob}
                scrollToKey={focusedJobId}
                resetKey={query}
              />
            </>
          )}
        </main>
      </div>
      {editing !== undefined && <EditAgainDialog jobId={editing} onClose={closeEditor} />}
      {clearing && <ClearHistoryDialog count={edits?.history.size ?? 0} onClose={() => setClearing(false)} />}
    </>
  );
}
