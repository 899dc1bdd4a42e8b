import { chainTo } from '../history/tree';
import { storeResultPageDeps, type ResultPageDeps } from './result-page-state';

/**
 * How many chained edits made the result of `jobId`: 1 for an edit of a page picture, 2 for an edit of
 * that result, and so on; 0 when the edit is unknown. Reads the history (any extension page may read
 * IndexedDB), and the live list for an edit that has not moved to the history yet.
 */
export async function chainDepthOf(jobId: string, deps: ResultPageDeps = storeResultPageDeps): Promise<number> {
  const seen = new Set<string>();
  let extra = 0;
  for (let id: string | undefined = jobId; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    const entry = await deps.getEntry(id);
    if (entry) return extra + chainTo(await deps.listTree(entry.treeId), id).length;
    const job = await deps.getJob(id);
    if (!job) return extra;
    extra += 1;
    id = job.source.kind === 'job' ? job.source.jobId : undefined;
  }
  return extra;
}
