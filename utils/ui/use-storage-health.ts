import { useEffect, useState } from 'react';
import { assessStorage, type StorageHealth } from '../storage-health';
import type { StorageFigures } from './history-storage-deps';

/** What the hook needs: the estimate, and a way to hear that the history changed. */
export interface StorageHealthSource {
  estimate: () => Promise<StorageFigures>;
  watch: (callback: () => void) => () => void;
}

/**
 * The storage verdict (storage-health.ts), read on mount and again whenever the history changes
 * (an edit finished, one was deleted, an import ran). Undefined until the first estimate arrives;
 * a failing estimate counts as unknown.
 */
export function useStorageHealth(source: StorageHealthSource): StorageHealth | undefined {
  const [health, setHealth] = useState<StorageHealth>();
  useEffect(() => {
    let live = true;
    const read = () => {
      source.estimate().then(
        (figures) => {
          if (live) setHealth(assessStorage(figures));
        },
        () => {
          if (live) setHealth(assessStorage(undefined));
        },
      );
    };
    read();
    let unwatch: (() => void) | undefined;
    try {
      unwatch = source.watch(read);
    } catch {
      // No change events (a page outside the extension): the figures then update on reload.
    }
    return () => {
      live = false;
      unwatch?.();
    };
  }, [source]);
  return health;
}
