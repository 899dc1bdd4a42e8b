import type { HistoryEntry } from './history-entry';

/**
 * The versions of one source picture as a tree: an edit of a page picture is a root, "Edit again"
 * adds a child, and editing an older version starts a branch beside the newer ones.
 */
export interface VersionNode {
  entry: HistoryEntry;
  /** Edits made from this version, oldest first. */
  children: VersionNode[];
  /** 1 for a root: how many edits the chain ending here has. */
  depth: number;
}

/**
 * Chained edits after which quality visibly drifts (the model re-encodes the whole picture each
 * time, so artifacts accumulate): the prompt box warns from here on and offers an earlier version.
 */
export const LONG_CHAIN_EDITS = 6;

/** True when editing a result this many chained edits deep is worth the drift warning. */
export function isLongChain(depth: number): boolean {
  return depth >= LONG_CHAIN_EDITS;
}

/** Builds the forest of `entries` (the versions of one tree, in any order); a missing parent makes a root. */
export function buildVersionTree(entries: readonly HistoryEntry[]): VersionNode[] {
  const sorted = [...entries].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const nodes = new Map(sorted.map((entry) => [entry.id, { entry, children: [], depth: 1 } as VersionNode]));
  const roots: VersionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.entry.parentId === undefined ? undefined : nodes.get(node.entry.parentId);
    if (parent && !isAncestor(node, parent, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (node: VersionNode, depth: number) => {
    node.depth = depth;
    for (const child of node.children) setDepth(child, depth + 1);
  };
  for (const root of roots) setDepth(root, 1);
  return roots;
}

/** True when `node` is `candidate` or one of its ancestors (a damaged record could make a cycle). */
function isAncestor(node: VersionNode, candidate: VersionNode, nodes: Map<string, VersionNode>): boolean {
  const seen = new Set<string>();
  for (let at: VersionNode | undefined = candidate; at && !seen.has(at.entry.id); at = at.entry.parentId ? nodes.get(at.entry.parentId) : undefined) {
    if (at === node) return true;
    seen.add(at.entry.id);
  }
  return false;
}

/** The chain from the root to `id` (inclusive), or empty when `id` is not among `entries`. */
export function chainTo(entries: readonly HistoryEntry[], id: string): HistoryEntry[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const chain: HistoryEntry[] = [];
  const seen = new Set<string>();
  for (let at = byId.get(id); at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
    seen.add(at.id);
    chain.unshift(at);
  }
  return chain;
}

/** Every node of a forest, depth first in display order (parents before children, oldest first). */
export function flattenTree(roots: readonly VersionNode[]): VersionNode[] {
  const out: VersionNode[] = [];
  const visit = (node: VersionNode) => {
    out.push(node);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}
