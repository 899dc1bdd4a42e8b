import { z } from 'zod';
import { Job, JOB_VERSIONING } from '../job';
import { costOfSucceededEdit, type EditCost } from '../pricing';
import { upgradeRecord, type RecordVersioning } from '../record-version';

/** Version of the stored history record; bump it together with a migration in HISTORY_VERSIONING. */
export const HISTORY_SCHEMA_VERSION = 1;

/** How stored history records are upgraded (record-version.ts). The job inside has its own versioning. */
export const HISTORY_VERSIONING: RecordVersioning = { current: HISTORY_SCHEMA_VERSION, unversioned: 1, migrations: {} };

/**
 * One finished edit, kept in IndexedDB for good: the job as it was when it finished (prompt, model,
 * inputs and seed, source page, prediction id, timings), and its place among the versions of one
 * source picture. Its pictures (input, result and their thumbnails) sit in the images store under the
 * same id, so nothing depends on the provider's URLs, which expire after an hour.
 */
export const HistoryEntry = z.object({
  v: z.literal(HISTORY_SCHEMA_VERSION),
  id: z.string().min(1),
  /** The first version of the source picture: every edit of it, and of its edits, shares this. */
  treeId: z.string().min(1),
  /** The version this one edited ("Edit again"); absent for an edit of a picture on a page. */
  parentId: z.string().min(1).optional(),
  /** Copied from the job, for the newest-first index. */
  createdAt: z.number(),
  archivedAt: z.number(),
  /** What the edit cost by the provider's billing rule (pricing.ts); absent for a model without a known price. */
  cost: z.object({ usd: z.number().nonnegative(), basis: z.string() }).optional(),
  job: Job,
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export type ReadEntry =
  | { status: 'readable'; entry: HistoryEntry; migrated: boolean }
  | { status: 'newer' }
  | { status: 'unreadable'; reason: string };

/** Reads one stored record, upgrading the entry and the job inside it (record-version.ts). */
export function readHistoryRecord(raw: unknown, versioning: RecordVersioning = HISTORY_VERSIONING): ReadEntry {
  const outer = upgradeRecord(raw, versioning);
  if (outer.status !== 'readable') return outer.status === 'newer' ? { status: 'newer' } : outer;
  const inner = upgradeRecord(outer.record.job, JOB_VERSIONING);
  if (inner.status !== 'readable') return inner.status === 'newer' ? { status: 'newer' } : inner;
  const parsed = HistoryEntry.safeParse({ ...outer.record, job: inner.record });
  if (!parsed.success) return { status: 'unreadable', reason: parsed.error.message };
  return { status: 'readable', entry: parsed.data, migrated: outer.migrated || inner.migrated };
}

/**
 * The history entry of a job that just finished; `parent` is the stored entry it edited, if any. `cost`
 * is what the ledger recorded for it (the user's prices); without it, the published price by the rule.
 */
export function entryFromJob(job: Job, parent: HistoryEntry | undefined, now: number, cost?: EditCost): HistoryEntry {
  return {
    v: HISTORY_SCHEMA_VERSION,
    id: job.id,
    // An edit whose parent was deleted meanwhile starts a tree of its own.
    treeId: parent?.treeId ?? job.id,
    parentId: parent?.id,
    createdAt: job.createdAt,
    archivedAt: now,
    cost: cost ?? (job.phase === 'done' ? costOfSucceededEdit(job.model) : undefined),
    job: { ...job, announce: undefined, notice: undefined, dueAt: undefined },
  };
}
