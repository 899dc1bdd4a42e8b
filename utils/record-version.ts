/**
 * Schema versions of stored records (jobs, settings, history), and the migrations between them.
 *
 * Every record carries its version in `v`. Reading upgrades it one step at a time, `migrations[n]`
 * turning a version n-1 record into version n, so a build can read anything an earlier build wrote.
 * Upgrading happens on read, in memory, in whichever context reads (background or page); the upgraded
 * record is what the next write stores. That keeps it free of races between contexts and needs no
 * "migrate everything at install" step that a stopped worker could leave half done.
 *
 * A record from a newer build (the user went back to an older version of the extension) is neither
 * read nor dropped: the stores keep it as it is, so going forward again finds it intact.
 */

export type StoredRecord = Record<string, unknown>;
export type Migration = (record: StoredRecord) => StoredRecord;

export interface RecordVersioning {
  /** The version this build writes. */
  current: number;
  /** The version of a record without `v` (written before versions were stored). */
  unversioned: number;
  /** `migrations[n]` upgrades a version n-1 record to version n; one for each step up to `current`. */
  migrations: Readonly<Record<number, Migration>>;
}

export type Upgrade =
  | { status: 'readable'; record: StoredRecord; migrated: boolean }
  | { status: 'newer'; version: number }
  | { status: 'unreadable'; reason: string };

/** Brings one stored record to the current version (see the module comment). */
export function upgradeRecord(raw: unknown, versioning: RecordVersioning): Upgrade {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { status: 'unreadable', reason: 'not a record' };
  let record = raw as StoredRecord;
  const version = record.v === undefined ? versioning.unversioned : record.v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { status: 'unreadable', reason: `bad version ${String(version)}` };
  }
  if (version > versioning.current) return { status: 'newer', version };
  for (let next = version + 1; next <= versioning.current; next += 1) {
    const migration = versioning.migrations[next];
    if (!migration) return { status: 'unreadable', reason: `no migration to v${next}` };
    try {
      record = { ...migration(record), v: next };
    } catch (error) {
      return { status: 'unreadable', reason: `migration to v${next} failed: ${String(error)}` };
    }
  }
  return { status: 'readable', record: { ...record, v: versioning.current }, migrated: version !== versioning.current };
}
