import { useMemo, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { HistoryEntry } from '../utils/history/history-entry';
import { buildVersionTree } from '../utils/history/tree';
import { versionNumbers } from '../utils/ui/version-labels';
import { treeKeyAction, visibleVersions } from '../utils/ui/version-tree-nav';
import { VersionTreeItem } from './VersionTreeItem';

interface VersionTreeProps {
  /** Every version of one source. */
  tree: readonly HistoryEntry[];
  /** The version the page shows. */
  currentId: string;
  onOpen: (jobId: string) => void;
  treeRef?: RefObject<HTMLUListElement | null>;
}

function itemIdOf(target: EventTarget): string | undefined {
  const item = target instanceof Element ? target.closest<HTMLElement>('[role="treeitem"]') : null;
  return item?.dataset.versionId;
}

/**
 * The versions of one source picture as a tree (WAI-ARIA tree view): each edit nested under the version
 * it edited, branches as siblings. Up/Down move, Right/Left open and close branches, Enter or a click
 * opens a version.
 */
export function VersionTree({ tree, currentId, onOpen, treeRef }: VersionTreeProps) {
  const roots = useMemo(() => buildVersionTree(tree), [tree]);
  const numbers = useMemo(() => versionNumbers(tree), [tree]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  // The row last moved to, while the same version is open (opening another one starts from it).
  const [moved, setMoved] = useState<{ id: string; currentId: string }>();
  const focused = moved?.currentId === currentId ? moved.id : undefined;
  const rows = visibleVersions(roots, collapsed);
  const isVisible = (id: string | undefined) => id !== undefined && rows.some((row) => row.node.entry.id === id);
  const tabbableId = [focused, currentId].find(isVisible) ?? rows[0]?.node.entry.id ?? currentId;

  function focusItem(container: HTMLElement, id: string) {
    setMoved({ id, currentId });
    container.querySelector<HTMLElement>(`[data-version-id="${CSS.escape(id)}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const id = itemIdOf(event.target);
    const action = id === undefined ? undefined : treeKeyAction(event.key, id, rows);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'focus') focusItem(event.currentTarget, action.id);
    else if (action.kind === 'open') onOpen(action.id);
    else {
      setCollapsed((old) => {
        const next = new Set(old);
        if (action.kind === 'expand') next.delete(action.id);
        else next.add(action.id);
        return next;
      });
    }
  }

  function onClick(event: MouseEvent<HTMLUListElement>) {
    const id = itemIdOf(event.target);
    if (id === undefined) return;
    setMoved({ id, currentId: id });
    onOpen(id);
  }

  return (
    <ul ref={treeRef} role="tree" aria-label="Versions" className="version-tree" onKeyDown={onKeyDown} onClick={onClick}>
      {roots.map((root) => (
        <VersionTreeItem key={root.entry.id} node={root} level={1} numbers={numbers} currentId={currentId} tabbableId={tabbableId} collapsed={collapsed} />
      ))}
    </ul>
  );
}
