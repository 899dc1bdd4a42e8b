import type { HistoryEntry } from '../history/history-entry';
import { getHistoryEntry, listTree } from '../history/history-store';
import type { Job } from '../job';
import { getJob } from '../job-store';

/**
 * What the result page shows for `#job=<id>`:
 *
 *   loading ──read──▶ ready (in the history, with every version of its source)
 *      │       ├─────▶ pending (still in the live list: running, or done and about to move over)
 *      │       └─────▶ missing (nowhere: a stale link)
 *   ready/pending ──its entry disappears──▶ another version of the tree, or deleted (none left)
 *   any read that throws (IndexedDB unavailable) ──▶ error
 */
export type ResultPageState =
  | { status: 'loading' }
  | { status: 'ready'; entry: HistoryEntry; tree: HistoryEntry[] }
  | { status: 'pending'; job: Job }
  | { status: 'missing' }
  | { status: 'deleted' }
  | { status: 'error'; message: string };

/** What one read of the result page's data needs; tests pass the real stores or fakes. */
export interface ResultPageDeps {
  getEntry: (id: string) => Promise<HistoryEntry | undefined>;
  listTree: (treeId: string) => Promise<HistoryEntry[]>;
  getJob: (id: string) => Promise<Job | undefined>;
}

export const storeResultPageDeps: ResultPageDeps = { getEntry: getHistoryEntry, listTree, getJob };

/** Reads one edit and the versions of its source. */
export async function readResultPage(jobId: string, deps: ResultPageDeps = storeResultPageDeps): Promise<Extract<ResultPageState, { status: 'ready' | 'pending' | 'missing' }>> {
  const entry = await deps.getEntry(jobId);
  if (entry) {
    const tree = await deps.listTree(entry.treeId);
    // The index read and the entry read are two transactions: keep the entry even if the list missed it.
    return { status: 'ready', entry, tree: tree.some((e) => e.id === entry.id) ? tree : [...tree, entry] };
  }
  const job = await deps.getJob(jobId);
  return job ? { status: 'pending', job } : { status: 'missing' };
}

/**
 * The version to show once `deletedId` is gone: the nearest ancestor still there (the version it was
 * made from), else the oldest of its children (which the store re-parented), else the newest version
 * left of that source; undefined when nothing of it is left.
 */
export function successorOf(deletedId: string, before: readonly HistoryEntry[], after: readonly HistoryEntry[]): string | undefined {
  const left = new Set(after.map((entry) => entry.id));
  const byId = new Map(before.map((entry) => [entry.id, entry]));
  const seen = new Set<string>([deletedId]);
  for (let at = byId.get(deletedId)?.parentId; at !== undefined && !seen.has(at); at = byId.get(at)?.parentId) {
    if (left.has(at)) return at;
    seen.add(at);
  }
  const oldestChild = before
    .filter((entry) => entry.parentId === deletedId && left.has(entry.id))
    .sort((a, b) => a.createdAt - b.createdAt)[0];
  if (oldestChild) return oldestChild.id;
  const newest = [...after].sort((a, b) => b.createdAt - a.createdAt)[0];
  return newest?.id;
}
