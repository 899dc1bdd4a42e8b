import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../history/history-entry';
import { listHistory, watchHistory } from '../history/history-store';
import type { Job } from '../job';
import { getJobs, watchJobs } from '../job-store';

/** What the popup lists: the live jobs (storage.local) and the finished edits (the history, IndexedDB). */
export interface Edits {
  /** Every edit to show, newest first: a job still in the live list wins over its history copy. */
  all: Job[];
  /** History entries by id (tree and site facts for the list). */
  history: ReadonlyMap<string, HistoryEntry>;
}

/** Entries read first: more than a popup shows at once. */
const FIRST_SCREEN = 20;

/** Merges the two stores' views into one list (see Edits). */
export function mergeEdits(jobs: readonly Job[], history: readonly HistoryEntry[]): Edits {
  const live = new Set(jobs.map((job) => job.id));
  const all = [...jobs, ...history.filter((entry) => !live.has(entry.id)).map((entry) => entry.job)];
  all.sort((a, b) => b.createdAt - a.createdAt);
  return { all, history: new Map(history.map((entry) => [entry.id, entry])) };
}

/**
 * The live jobs and the history, read together and kept current. A finished job leaves the live list
 * in the same storage write that announces its arrival in the history, and both are read again in one
 * pass, so it never blinks out of the list in between. Undefined until the first read.
 */
export function useEdits(): Edits | undefined {
  const [edits, setEdits] = useState<Edits>();
  useEffect(() => {
    let live = true;
    let running = false;
    let again = false;
    // The history is read again only when it changed: job progress alone does not touch it.
    let historyDirty = true;
    let history: HistoryEntry[] = [];
    // The first read takes a screenful of the newest entries, so a long history shows at once; the
    // whole history (for scrolling and search) follows right after.
    let firstRead = true;
    const refresh = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const readHistory = historyDirty;
          const limit = firstRead ? FIRST_SCREEN : undefined;
          historyDirty = firstRead;
          firstRead = false;
          const [jobs, read] = await Promise.all([getJobs(), readHistory ? listHistory(limit).catch(() => history) : history]);
          history = read;
          if (live && !again) setEdits(mergeEdits(jobs, history));
          again ||= historyDirty;
        } while (again && live);
      } finally {
        running = false;
      }
    };
    const unwatchJobs = watchJobs(() => void refresh());
    const unwatchHistory = watchHistory(() => {
      historyDirty = true;
      void refresh();
    });
    void refresh();
    return () => {
      live = false;
      unwatchJobs();
      unwatchHistory();
    };
  }, []);
  return edits;
}
