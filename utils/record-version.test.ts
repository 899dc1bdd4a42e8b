import { describe, expect, it } from 'vitest';
import { upgradeRecord, type RecordVersioning } from './record-version';

// A three-version history of an imaginary record: v1 had `name`, v2 split it, v3 renamed `first`.
const versioning: RecordVersioning = {
  current: 3,
  unversioned: 1,
  migrations: {
    2: ({ name, ...rest }) => {
      const [first = '', last = ''] = String(name).split(' ');
      return { ...rest, first, last };
    },
    3: ({ first, ...rest }) => ({ ...rest, given: first }),
  },
};

describe('upgradeRecord', () => {
  it('runs every step from the record version up to the current one, in order', () => {
    expect(upgradeRecord({ v: 1, name: 'Ada Lovelace', id: 1 }, versioning)).toEqual({
      status: 'readable', migrated: true, record: { v: 3, id: 1, given: 'Ada', last: 'Lovelace' },
    });
    expect(upgradeRecord({ v: 2, first: 'Ada', last: 'L' }, versioning)).toEqual({
      status: 'readable', migrated: true, record: { v: 3, given: 'Ada', last: 'L' },
    });
  });

  it('reads a current record unchanged', () => {
    expect(upgradeRecord({ v: 3, given: 'Ada' }, versioning)).toEqual({ status: 'readable', migrated: false, record: { v: 3, given: 'Ada' } });
  });

  it('treats a record without a version as the unversioned one and stamps it', () => {
    expect(upgradeRecord({ name: 'Ada L' }, versioning)).toMatchObject({ status: 'readable', record: { v: 3, given: 'Ada' } });
    expect(upgradeRecord({ a: 1 }, { current: 1, unversioned: 1, migrations: {} })).toEqual({
      status: 'readable', migrated: false, record: { a: 1, v: 1 },
    });
  });

  it('does not read a record from a newer build, and says which version it is', () => {
    expect(upgradeRecord({ v: 4, given: 'Ada' }, versioning)).toEqual({ status: 'newer', version: 4 });
  });

  it.each([
    ['a non-object', 'text'],
    ['an array', [1]],
    ['null', null],
    ['a bad version', { v: 'two' }],
    ['version 0', { v: 0 }],
  ])('calls %s unreadable', (_name, raw) => {
    expect(upgradeRecord(raw, versioning).status).toBe('unreadable');
  });

  it('calls a record unreadable when a step is missing or throws, instead of half-upgrading it', () => {
    expect(upgradeRecord({ v: 1, name: 'x' }, { ...versioning, migrations: { 3: versioning.migrations[3]! } })).toEqual({
      status: 'unreadable', reason: 'no migration to v2',
    });
    const throwing: RecordVersioning = { ...versioning, migrations: { ...versioning.migrations, 2: () => { throw new Error('boom'); } } };
    expect(upgradeRecord({ v: 1, name: 'x' }, throwing)).toMatchObject({ status: 'unreadable' });
  });

  it('does not change the stored object it was given', () => {
    const raw = { v: 1, name: 'Ada Lovelace' };
    upgradeRecord(raw, versioning);
    expect(raw).toEqual({ v: 1, name: 'Ada Lovelace' });
  });
});
