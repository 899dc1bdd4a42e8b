import { useEffect } from 'react';
import { lastFailureAt } from '../badge';
import type { Job } from '../job';
import { sendToBackground } from '../send-message';

/**
 * Tells the background the user has seen the failures in the list: once the list is shown, and again
 * whenever a new failure appears while it stays open, so the badge does not turn red behind the
 * user's back for a failure they watched happen.
 */
export function useMarkFailuresSeen(jobs: Job[] | undefined): void {
  const latest = jobs === undefined ? undefined : lastFailureAt(jobs);
  useEffect(() => {
    if (latest === undefined) return;
    sendToBackground({ type: 'bg:failures-seen' }).catch(() => undefined);
  }, [latest]);
}
