import { describe, expect, it } from 'vitest';
import { putHistoryEntries } from '../history/history-store';
import { addJob } from '../job-store';
import { makeJob } from '../../tests/unit/make-job';
import { readResultPage, successorOf } from './result-page-state';
import { makeVersion } from './testing/make-version';

// a ─ b ─ c
//   └ d
const tree = [makeVersion('a', 1), makeVersion('b', 2, 'a'), makeVersion('c', 3, 'b'), makeVersion('d', 4, 'a')];
const without = (...ids: string[]) => tree.filter((entry) => !ids.includes(entry.id));

describe('readResultPage', () => {
  it('reads a finished version with every version of its source', async () => {
    await putHistoryEntries([...tree, makeVersion('other', 5, undefined, { treeId: 'other' })]);
    const read = await readResultPage('c');
    expect(read.status).toBe('ready');
    if (read.status !== 'ready') return;
    expect(read.entry.job.prompt).toBe('prompt c');
    expect(read.tree.map((entry) => entry.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shows an edit that is still in the live list as pending', async () => {
    await addJob(makeJob({ id: 'running', phase: 'polling' }));
    expect(await readResultPage('running')).toMatchObject({ status: 'pending', job: { id: 'running' } });
  });

  it('says missing for an id that is nowhere', async () => {
    expect(await readResultPage('nope')).toEqual({ status: 'missing' });
  });
});

describe('successorOf', () => {
  it('goes to the version the deleted one was made from', () => {
    expect(successorOf('c', tree, without('c'))).toBe('b');
    expect(successorOf('d', tree, without('d'))).toBe('a');
  });

  it('skips ancestors that are gone too', () => {
    expect(successorOf('c', tree, without('c', 'b'))).toBe('a');
  });

  it('goes to the oldest edit made from a deleted first version', () => {
    expect(successorOf('a', tree, without('a'))).toBe('b');
  });

  it('falls back to the newest version left, and to nothing when none is', () => {
    expect(successorOf('a', tree, [makeVersion('z', 9)])).toBe('z');
    expect(successorOf('a', tree, [])).toBeUndefined();
  });
});
