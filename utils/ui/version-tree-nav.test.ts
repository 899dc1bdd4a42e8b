import { describe, expect, it } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { HISTORY_SCHEMA_VERSION, type HistoryEntry } from '../history/history-entry';
import { buildVersionTree } from '../history/tree';
import { treeKeyAction, visibleVersions } from './version-tree-nav';

function version(id: string, createdAt: number, parentId?: string): HistoryEntry {
  return { v: HISTORY_SCHEMA_VERSION, id, treeId: 'a', parentId, createdAt, archivedAt: createdAt, job: makeJob({ id, createdAt, phase: 'done' }) };
}

// a ─ b ─ c
//   └ d
const roots = buildVersionTree([version('a', 1), version('b', 2, 'a'), version('c', 3, 'b'), version('d', 4, 'a')]);

describe('visibleVersions', () => {
  it('lists every version with its level and whether it can be expanded', () => {
    const rows = visibleVersions(roots, new Set());
    expect(rows.map((row) => [row.node.entry.id, row.level, row.expanded, row.parentId])).toEqual([
      ['a', 1, true, undefined], ['b', 2, true, 'a'], ['c', 3, undefined, 'b'], ['d', 2, undefined, 'a'],
    ]);
  });

  it('hides the descendants of a collapsed version', () => {
    expect(visibleVersions(roots, new Set(['b'])).map((row) => row.node.entry.id)).toEqual(['a', 'b', 'd']);
    expect(visibleVersions(roots, new Set(['a'])).map((row) => row.node.entry.id)).toEqual(['a']);
  });
});

describe('treeKeyAction', () => {
  const rows = visibleVersions(roots, new Set());

  it('moves down and up through the visible rows, and stops at the ends', () => {
    expect(treeKeyAction('ArrowDown', 'c', rows)).toEqual({ kind: 'focus', id: 'd' });
    expect(treeKeyAction('ArrowUp', 'd', rows)).toEqual({ kind: 'focus', id: 'c' });
    expect(treeKeyAction('ArrowDown', 'd', rows)).toBeUndefined();
    expect(treeKeyAction('ArrowUp', 'a', rows)).toBeUndefined();
  });

  it('jumps to the first and last rows with Home and End', () => {
    expect(treeKeyAction('Home', 'c', rows)).toEqual({ kind: 'focus', id: 'a' });
    expect(treeKeyAction('End', 'a', rows)).toEqual({ kind: 'focus', id: 'd' });
  });

  it('collapses an open branch with Left, then goes to the parent', () => {
    expect(treeKeyAction('ArrowLeft', 'b', rows)).toEqual({ kind: 'collapse', id: 'b' });
    expect(treeKeyAction('ArrowLeft', 'c', rows)).toEqual({ kind: 'focus', id: 'b' });
    expect(treeKeyAction('ArrowLeft', 'a', rows)).toEqual({ kind: 'collapse', id: 'a' });
    expect(treeKeyAction('ArrowLeft', 'a', visibleVersions(roots, new Set(['a'])))).toBeUndefined();
  });

  it('expands a closed branch with Right, then goes to its first child', () => {
    expect(treeKeyAction('ArrowRight', 'b', visibleVersions(roots, new Set(['b'])))).toEqual({ kind: 'expand', id: 'b' });
    expect(treeKeyAction('ArrowRight', 'b', rows)).toEqual({ kind: 'focus', id: 'c' });
    expect(treeKeyAction('ArrowRight', 'c', rows)).toBeUndefined();
  });

  it('opens the row with Enter or Space and ignores other keys', () => {
    expect(treeKeyAction('Enter', 'd', rows)).toEqual({ kind: 'open', id: 'd' });
    expect(treeKeyAction(' ', 'b', rows)).toEqual({ kind: 'open', id: 'b' });
    expect(treeKeyAction('x', 'b', rows)).toBeUndefined();
    expect(treeKeyAction('ArrowDown', 'missing', rows)).toBeUndefined();
  });
});
