import { useMemo } from 'react';
import { estimateStorage } from '../utils/ui/history-storage-deps';
import { watchHistory } from '../utils/history/history-store';
import { useStorageHealth, type StorageHealthSource } from '../utils/ui/use-storage-health';
import './storage-warning.css';

const browserSource: StorageHealthSource = { estimate: estimateStorage, watch: watchHistory };

/**
 * A banner shown only when the extension's storage runs low (role status) or is nearly full (role
 * alert), telling the user to export the history and delete older edits before results stop fitting.
 * Reads the estimate itself, so it can sit in any extension page (the popup, the options page).
 */
export function StorageWarning({ source, onOpenStorage }: { source?: StorageHealthSource; onOpenStorage?: () => void }) {
  const chosen = useMemo(() => source ?? browserSource, [source]);
  const health = useStorageHealth(chosen);
  if (health?.level !== 'low' && health?.level !== 'critical') return null;
  return (
    <div className={`storage-warning ${health.level}`}>
      <p role={health.level === 'critical' ? 'alert' : 'status'}>{health.message}</p>
      {onOpenStorage && <button type="button" className="banner-action" onClick={onOpenStorage}>Open History and storage</button>}
    </div>
  );
}
