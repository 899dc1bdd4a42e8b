import type { VersionNode } from '../history/tree';

/** One row of the version tree as shown: collapsed branches hide their descendants. */
export interface VisibleVersion {
  node: VersionNode;
  /** The row above it in the tree (not the stored parentId, which may name a deleted version). */
  parentId?: string;
  /** 1 for a root (aria-level). */
  level: number;
  /** Undefined for a version nobody edited (nothing to expand). */
  expanded?: boolean;
}

/** The rows of a forest in display order, skipping the descendants of `collapsed` versions. */
export function visibleVersions(roots: readonly VersionNode[], collapsed: ReadonlySet<string>): VisibleVersion[] {
  const rows: VisibleVersion[] = [];
  const visit = (node: VersionNode, level: number, parentId: string | undefined) => {
    const open = !collapsed.has(node.entry.id);
    rows.push({ node, parentId, level, expanded: node.children.length ? open : undefined });
    if (open) for (const child of node.children) visit(child, level + 1, node.entry.id);
  };
  for (const root of roots) visit(root, 1, undefined);
  return rows;
}

/** What a key press on a tree row does (the WAI-ARIA tree view pattern). */
export type TreeKeyAction =
  | { kind: 'focus'; id: string }
  | { kind: 'expand'; id: string }
  | { kind: 'collapse'; id: string }
  | { kind: 'open'; id: string };

/** The action for `key` pressed on row `id`, or undefined when the key does nothing there. */
export function treeKeyAction(key: string, id: string, rows: readonly VisibleVersion[]): TreeKeyAction | undefined {
  const index = rows.findIndex((row) => row.node.entry.id === id);
  const row = rows[index];
  if (!row) return undefined;
  const focus = (target: VisibleVersion | undefined): TreeKeyAction | undefined =>
    target ? { kind: 'focus', id: target.node.entry.id } : undefined;
  switch (key) {
    case 'ArrowDown':
      return focus(rows[index + 1]);
    case 'ArrowUp':
      return focus(rows[index - 1]);
    case 'Home':
      return focus(rows[0]);
    case 'End':
      return focus(rows[rows.length - 1]);
    case 'ArrowRight':
      if (row.expanded === false) return { kind: 'expand', id };
      return row.expanded ? focus(rows[index + 1]) : undefined;
    case 'ArrowLeft':
      if (row.expanded) return { kind: 'collapse', id };
      return row.parentId === undefined ? undefined : { kind: 'focus', id: row.parentId };
    case 'Enter':
    case ' ':
      return { kind: 'open', id };
    default:
      return undefined;
  }
}
