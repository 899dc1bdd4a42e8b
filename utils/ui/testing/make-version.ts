import { makeJob } from '../../../tests/unit/make-job';
import { HISTORY_SCHEMA_VERSION, type HistoryEntry } from '../../history/history-entry';
import type { Job } from '../../job';

/**
 * A stored version for tests: `id` made at `createdAt` (also its order), editing `parentId`, in the
 * tree `treeId`; the job is done with the prompt "prompt <id>" unless `job` says otherwise.
 */
export function makeVersion(id: string, createdAt: number, parentId?: string, options: { treeId?: string; job?: Partial<Job> } = {}): HistoryEntry {
  return {
    v: HISTORY_SCHEMA_VERSION,
    id,
    treeId: options.treeId ?? 'tree',
    parentId,
    createdAt,
    archivedAt: createdAt + 1,
    job: makeJob({
      id,
      createdAt,
      updatedAt: createdAt,
      completedAt: createdAt + 5_000,
      phase: 'done',
      prompt: `prompt ${id}`,
      source: parentId ? { kind: 'job', jobId: parentId } : { kind: 'page', srcUrl: 'https://example.org/cat.png', pageUrl: 'https://example.org/' },
      ...options.job,
    }),
  };
}

/** A chain of `length` versions v1 ← v2 ← … (each editing the one before). */
export function makeChain(length: number, treeId = 'v1'): HistoryEntry[] {
  return Array.from({ length }, (_, i) => makeVersion(`v${i + 1}`, (i + 1) * 1000, i ? `v${i}` : undefined, { treeId }));
}
