import { useEffect, useState } from 'react';
import { getDiagnostics, watchDiagnostics, type DiagnosticEntry } from '../diagnostics';

/** The diagnostics log as storage has it (oldest first), live. Undefined until the first read. */
export function useDiagnostics(): DiagnosticEntry[] | undefined {
  const [entries, setEntries] = useState<DiagnosticEntry[]>();
  useEffect(() => {
    let changed = false;
    const unwatch = watchDiagnostics((next) => {
      changed = true;
      setEntries(next);
    });
    // A change event that lands before the first read finishes is newer: keep it.
    void getDiagnostics().then((first) => {
      if (!changed) setEntries(first);
    });
    return unwatch;
  }, []);
  return entries;
}
