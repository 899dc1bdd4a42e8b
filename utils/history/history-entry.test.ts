import { describe, expect, it } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { JOB_SCHEMA_VERSION } from '../job';
import { entryFromJob, HISTORY_SCHEMA_VERSION, HISTORY_VERSIONING, readHistoryRecord } from './history-entry';

const job = makeJob({ id: 'j', phase: 'done', announce: true, notice: 'Rate limited', dueAt: 9 });

describe('history entries', () => {
  it('keep the job without its passing live-list marks', () => {
    const entry = entryFromJob(job, undefined, 50);
    expect(entry).toMatchObject({ v: HISTORY_SCHEMA_VERSION, id: 'j', treeId: 'j', createdAt: job.createdAt, archivedAt: 50 });
    expect(entry.job).not.toHaveProperty('announce', true);
    expect(entry.job.notice).toBeUndefined();
    expect(entry.job.dueAt).toBeUndefined();
    expect(readHistoryRecord(entry)).toEqual({ status: 'readable', entry, migrated: false });
  });

  it('record what a finished edit cost by the billing rule, and nothing for an unpriced model', () => {
    expect(entryFromJob({ ...job, model: 'black-forest-labs/flux-kontext-pro' }, undefined, 1).cost?.usd).toBe(0.04);
    expect(entryFromJob({ ...job, model: 'someone/other' }, undefined, 1).cost).toBeUndefined();
  });

  it('read records stored without versions as version 1, the job inside them too', () => {
    const entry = entryFromJob(job, undefined, 50);
    const { v: _entryVersion, ...bare } = entry;
    const { v: _jobVersion, ...bareJob } = entry.job;
    const read = readHistoryRecord({ ...bare, job: bareJob });
    // The job inside reads as version 1 and is upgraded to the current version (job.ts).
    expect(read).toEqual({ status: 'readable', entry, migrated: JOB_SCHEMA_VERSION > 1 });
    expect(HISTORY_VERSIONING.unversioned).toBe(1);
  });

  it('report a newer build’s record or job as newer, and a damaged one as unreadable', () => {
    const entry = entryFromJob(job, undefined, 50);
    expect(readHistoryRecord({ ...entry, v: HISTORY_SCHEMA_VERSION + 1 })).toEqual({ status: 'newer' });
    expect(readHistoryRecord({ ...entry, job: { ...entry.job, v: JOB_SCHEMA_VERSION + 1 } })).toEqual({ status: 'newer' });
    expect(readHistoryRecord({ ...entry, treeId: 7 }).status).toBe('unreadable');
    expect(readHistoryRecord('nope').status).toBe('unreadable');
  });
});
