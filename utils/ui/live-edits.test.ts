import { describe, expect, it } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { liveEditsOf } from './live-edits';

const editOf = (id: string, parent: string, createdAt: number) => makeJob({ id, createdAt, source: { kind: 'job', jobId: parent } });

describe('liveEditsOf', () => {
  it('finds the live edits of the versions and of those edits, oldest first', () => {
    const jobs = [editOf('grandchild', 'child', 30), editOf('child', 'v2', 20), editOf('other', 'elsewhere', 10), makeJob({ id: 'page-edit', createdAt: 5 })];
    expect(liveEditsOf(jobs, new Set(['v1', 'v2'])).map((job) => job.id)).toEqual(['child', 'grandchild']);
  });

  it('leaves out a job the tree already shows (done and moved to the history)', () => {
    expect(liveEditsOf([editOf('v3', 'v2', 20)], new Set(['v2', 'v3']))).toEqual([]);
  });
});
