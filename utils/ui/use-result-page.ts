import { useEffect, useState } from 'react';
import { watchHistory } from '../history/history-store';
import { watchJobs } from '../job-store';
import { readResultPage, storeResultPageDeps, successorOf, type ResultPageDeps, type ResultPageState } from './result-page-state';

/** Which store changed: the history (finished versions) or the live list (edits not finished or not moved yet). */
export type ChangedStore = 'history' | 'jobs';

/** Calls back whenever anything the page shows may have changed; returns the unsubscribe function. */
export type WatchResultPage = (callback: (changed: ChangedStore) => void) => () => void;

export const watchStores: WatchResultPage = (callback) => {
  const unwatchHistory = watchHistory(() => callback('history'));
  const unwatchJobs = watchJobs(() => callback('jobs'));
  return () => {
    unwatchHistory();
    unwatchJobs();
  };
};

export const READ_FAILED_MESSAGE = 'The history could not be read. Reload the page to try again.';
export const DELETED_NOTICE = 'The version you were viewing was deleted.';

/** What the page shows, and a passing notice about the version shown (after its neighbour was deleted). */
export interface ResultPage {
  state: ResultPageState;
  notice?: { jobId: string; text: string };
}

/**
 * Reads the edit `jobId` with every version of its source, and reads again whenever the stores change.
 * When the shown version disappears (deleted here or elsewhere) it opens the next sensible one in place
 * (`open(id, { replace: true })`), or shows that it was deleted when none of its versions is left.
 * `open`, `deps` and `watch` must keep their identity between renders (each change reads again).
 */
export function useResultPage(
  jobId: string | undefined,
  open: (jobId: string, options: { replace: boolean }) => void,
  deps: ResultPageDeps = storeResultPageDeps,
  watch: WatchResultPage = watchStores,
): ResultPage {
  const [state, setState] = useState<ResultPageState>(() => (jobId === undefined ? { status: 'missing' } : { status: 'loading' }));
  const [notice, setNotice] = useState<ResultPage['notice']>();

  useEffect(() => {
    if (jobId === undefined) return;
    let live = true;
    let reads = 0;
    // What this job id last showed: tells a deletion (was there, now gone) from a stale link.
    let shown: ResultPageState | undefined;
    const show = (next: ResultPageState) => {
      shown = next;
      setState(next);
    };
    const refresh = async () => {
      const read = ++reads;
      const current = () => live && read === reads;
      try {
        const next = await readResultPage(jobId, deps);
        if (!current()) return;
        if (next.status !== 'missing' || (shown?.status !== 'ready' && shown?.status !== 'pending')) {
          show(next);
          return;
        }
        if (shown.status === 'ready') {
          const before = shown.tree;
          const after = await deps.listTree(shown.entry.treeId);
          if (!current()) return;
          const successor = successorOf(jobId, before, after);
          if (successor !== undefined) {
            setNotice({ jobId: successor, text: DELETED_NOTICE });
            open(successor, { replace: true });
            return;
          }
        }
        show({ status: 'deleted' });
      } catch (error) {
        console.warn('Edit with Kontext: the result page could not read the history.', error);
        if (current()) show({ status: 'error', message: READ_FAILED_MESSAGE });
      }
    };
    // A version in the history changes only with the history; the live list moves on every poll.
    const unwatch = watch((changed) => {
      if (changed === 'history' || shown?.status !== 'ready') void refresh();
    });
    void refresh();
    return () => {
      live = false;
      unwatch();
    };
  }, [jobId, open, deps, watch]);

  if (jobId === undefined) return { state: { status: 'missing' } };
  return { state, notice: notice && state.status === 'ready' && state.entry.id === notice.jobId ? notice : undefined };
}
