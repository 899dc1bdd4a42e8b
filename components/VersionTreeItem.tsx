import type { VersionNode } from '../utils/history/tree';
import { useJobImageUrl } from '../utils/ui/use-job-image-url';
import { versionLabel } from '../utils/ui/version-labels';

const THUMB_ROLES = ['result-thumb', 'result'] as const;

interface VersionTreeItemProps {
  node: VersionNode;
  level: number;
  numbers: ReadonlyMap<string, number>;
  currentId: string;
  /** The one row Tab reaches (roving tabindex). */
  tabbableId: string;
  collapsed: ReadonlySet<string>;
}

/** One version in the tree, with its edits nested below it. Clicks and keys are handled by the tree. */
export function VersionTreeItem({ node, level, numbers, currentId, tabbableId, collapsed }: VersionTreeItemProps) {
  const { entry, children } = node;
  const thumb = useJobImageUrl(entry.id, THUMB_ROLES, entry.archivedAt);
  const current = entry.id === currentId;
  const expanded = children.length ? !collapsed.has(entry.id) : undefined;
  const number = numbers.get(entry.id);
  return (
    <li
      role="treeitem"
      className="version-item"
      data-version-id={entry.id}
      aria-label={versionLabel(number, entry.job.prompt)}
      aria-level={level}
      aria-expanded={expanded}
      aria-selected={current}
      aria-current={current ? 'page' : undefined}
      tabIndex={entry.id === tabbableId ? 0 : -1}
    >
      <div className="version-row">
        {thumb ? <img className="version-thumb" src={thumb} alt="" /> : <span className="version-thumb" aria-hidden="true" />}
        <span className="version-text">
          <span className="version-number">Version {number}</span>
          <span className="version-prompt">{entry.job.prompt}</span>
        </span>
      </div>
      {expanded && (
        <ul role="group" className="version-group">
          {children.map((child) => (
            <VersionTreeItem key={child.entry.id} node={child} level={level + 1} numbers={numbers} currentId={currentId} tabbableId={tabbableId} collapsed={collapsed} />
          ))}
        </ul>
      )}
    </li>
  );
}
