import { useCallback, useEffect, useState } from 'react';
import { sendToBackground } from '../utils/send-message';
import { jobIdFromHash } from '../utils/ui/focused-job';
import { openOptionsPage } from '../utils/ui/open-options';
import { useMarkFailuresSeen } from '../utils/ui/use-failures-seen';
import { useHasKey } from '../utils/ui/use-has-key';
import { useEdits } from '../utils/ui/use-edits';
import { EditAgainDialog } from './EditAgainDialog';
import { EmptyState } from './EmptyState';
import { JobList } from './JobList';
import { KeyBanner } from './KeyBanner';

/** The toolbar popup: renders what storage says about the jobs and sends commands; owns no job state. */
export function PopupApp() {
  const edits = useEdits();
  const jobs = edits?.all;
  const hasKey = useHasKey();
  const [editing, setEditing] = useState<string>();
  const closeEditor = useCallback(() => setEditing(undefined), []);
  // Opened from a notification (`popup.html#job=<id>` in a tab): point at that job.
  const [focusedJobId] = useState(() => jobIdFromHash(window.location.hash));
  useMarkFailuresSeen(jobs);

  // The worker may have been stopped: opening the popup makes sure unfinished jobs keep moving.
  useEffect(() => {
    sendToBackground({ type: 'bg:wake' }).catch(() => undefined);
  }, []);

  return (
    <>
      <div className="popup" inert={editing !== undefined}>
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
        <main>
          {jobs === undefined ? null : jobs.length === 0 ? <EmptyState /> : <JobList jobs={jobs} onEditAgain={setEditing} focusedJobId={focusedJobId} />}
        </main>
      </div>
      {editing !== undefined && <EditAgainDialog jobId={editing} onClose={closeEditor} />}
    </>
  );
}
