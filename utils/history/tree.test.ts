import { describe, expect, it } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { HISTORY_SCHEMA_VERSION, type HistoryEntry } from './history-entry';
import { buildVersionTree, chainTo, flattenTree, type VersionNode } from './tree';

/** A stored version: `id` made at `createdAt`, editing `parentId`. */
function version(id: string, createdAt: number, parentId?: string): HistoryEntry {
  return {
    v: HISTORY_SCHEMA_VERSION,
    id,
    treeId: 'root',
    parentId,
    createdAt,
    archivedAt: createdAt + 1,
    job: makeJob({ id, createdAt, phase: 'done', prompt: `prompt ${id}` }),
  };
}

/** The forest as nested ids, e.g. ['a', ['b', ['c']]]. */
function shape(nodes: readonly VersionNode[]): unknown[] {
  return nodes.map((node) => (node.children.length ? [node.entry.id, shape(node.children)] : node.entry.id));
}

describe('buildVersionTree', () => {
  it('hangs each edit from the version it edited, whatever order the entries come in', () => {
    const entries = [version('c', 3, 'b'), version('a', 1), version('b', 2, 'a')];
    expect(shape(buildVersionTree(entries))).toEqual([['a', [['b', ['c']]]]]);
  });

  it('shows an edit of an older version as a branch beside the newer one, oldest first', () => {
    const entries = [version('a', 1), version('b', 2, 'a'), version('c', 3, 'b'), version('d', 4, 'a')];
    expect(shape(buildVersionTree(entries))).toEqual([['a', [['b', ['c']], 'd']]]);
  });

  it('makes a version whose parent is missing a root of its own', () => {
    const entries = [version('a', 1), version('orphan', 2, 'gone')];
    const roots = buildVersionTree(entries);
    expect(roots.map((node) => node.entry.id)).toEqual(['a', 'orphan']);
    expect(roots[1]?.depth).toBe(1);
  });

  it('numbers depths along each chain from 1 at the root', () => {
    const entries = [version('a', 1), version('b', 2, 'a'), version('c', 3, 'b'), version('d', 4, 'a')];
    const depths = Object.fromEntries(flattenTree(buildVersionTree(entries)).map((node) => [node.entry.id, node.depth]));
    expect(depths).toEqual({ a: 1, b: 2, c: 3, d: 2 });
  });

  it('survives damaged records that point at each other, keeping every version once', () => {
    const entries = [version('x', 1, 'y'), version('y', 2, 'x'), version('self', 3, 'self')];
    const flat = flattenTree(buildVersionTree(entries));
    expect(flat.map((node) => node.entry.id).sort()).toEqual(['self', 'x', 'y']);
  });

  it('orders versions made at the same moment by id, so the tree does not reshuffle between reads', () => {
    const one = shape(buildVersionTree([version('b', 1), version('a', 1)]));
    const other = shape(buildVersionTree([version('a', 1), version('b', 1)]));
    expect(one).toEqual(['a', 'b']);
    expect(other).toEqual(one);
  });
});

describe('chainTo', () => {
  const entries = [version('a', 1), version('b', 2, 'a'), version('c', 3, 'b'), version('d', 4, 'a')];

  it('walks from the root to the version, inclusive', () => {
    expect(chainTo(entries, 'c').map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
    expect(chainTo(entries, 'd').map((entry) => entry.id)).toEqual(['a', 'd']);
    expect(chainTo(entries, 'a').map((entry) => entry.id)).toEqual(['a']);
  });

  it('is empty for a version that is not there', () => {
    expect(chainTo(entries, 'nope')).toEqual([]);
  });

  it('stops at a missing parent', () => {
    expect(chainTo([version('b', 2, 'gone'), version('c', 3, 'b')], 'c').map((entry) => entry.id)).toEqual(['b', 'c']);
  });

  it('stops at a cycle instead of looping forever', () => {
    expect(chainTo([version('x', 1, 'y'), version('y', 2, 'x')], 'x').map((entry) => entry.id)).toEqual(['y', 'x']);
  });
});

describe('flattenTree', () => {
  it('lists parents before children and branches in age order', () => {
    const entries = [version('d', 4, 'a'), version('c', 3, 'b'), version('b', 2, 'a'), version('a', 1), version('e', 5)];
    expect(flattenTree(buildVersionTree(entries)).map((node) => node.entry.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
