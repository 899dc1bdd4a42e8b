import { describe, expect, it } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { putHistoryEntries } from '../history/history-store';
import { LONG_CHAIN_EDITS, isLongChain } from '../history/tree';
import { addJob } from '../job-store';
import { chainDepthOf } from './chain-depth';
import { makeChain, makeVersion } from './testing/make-version';

describe('chainDepthOf', () => {
  it('counts the edits from the page picture to a version in the history', async () => {
    await putHistoryEntries(makeChain(4));
    expect(await chainDepthOf('v1')).toBe(1);
    expect(await chainDepthOf('v4')).toBe(4);
  });

  it('counts a branch along its own chain', async () => {
    await putHistoryEntries([...makeChain(4), makeVersion('branch', 9_000, 'v1', { treeId: 'v1' })]);
    expect(await chainDepthOf('branch')).toBe(2);
  });

  it('counts an edit still in the live list on top of the version it edited', async () => {
    await putHistoryEntries(makeChain(3));
    await addJob(makeJob({ id: 'live', phase: 'done', source: { kind: 'job', jobId: 'v3' } }));
    await addJob(makeJob({ id: 'live-2', phase: 'done', source: { kind: 'job', jobId: 'live' } }));
    expect(await chainDepthOf('live-2')).toBe(5);
  });

  it('is 0 for an unknown edit, and survives live jobs that point at each other', async () => {
    expect(await chainDepthOf('nope')).toBe(0);
    await addJob(makeJob({ id: 'x', source: { kind: 'job', jobId: 'y' } }));
    await addJob(makeJob({ id: 'y', source: { kind: 'job', jobId: 'x' } }));
    expect(await chainDepthOf('x')).toBe(2);
  });
});

describe('isLongChain', () => {
  it('warns from LONG_CHAIN_EDITS chained edits on', () => {
    expect(isLongChain(LONG_CHAIN_EDITS - 1)).toBe(false);
    expect(isLongChain(LONG_CHAIN_EDITS)).toBe(true);
    expect(isLongChain(LONG_CHAIN_EDITS + 3)).toBe(true);
  });
});
