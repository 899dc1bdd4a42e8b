import { useCallback, useEffect, useState } from 'react';
import { jobIdFromHash } from './focused-job';

/** The hash that opens one edit's result page. */
export function hashForJob(jobId: string): string {
  return `#job=${encodeURIComponent(jobId)}`;
}

/**
 * The edit the page's `#job=<id>` names, following the hash (Back and Forward move between the versions
 * opened), and a way to open another: a new history step, or in place (`replace`) when the shown one
 * no longer exists, so Back does not lead to it.
 */
export function useHashJob(): [string | undefined, (jobId: string, options?: { replace?: boolean }) => void] {
  const [jobId, setJobId] = useState(() => jobIdFromHash(window.location.hash));

  useEffect(() => {
    const onHashChange = () => setJobId(jobIdFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const open = useCallback((next: string, options: { replace?: boolean } = {}) => {
    if (options.replace) {
      // replaceState fires no hashchange: follow it here.
      window.history.replaceState(window.history.state, '', hashForJob(next));
      setJobId(next);
    } else {
      window.location.hash = hashForJob(next);
    }
  }, []);

  return [jobId, open];
}
