import { useCallback, useEffect, useState } from 'react';

/** What an action says when it is done: passing news (status) or a problem that stays (alert). */
export type ActionFeedback = { kind: 'status' | 'alert'; text: string } | undefined;

/** How long "Copied" and "Saved…" stay. */
export const STATUS_FEEDBACK_MS = 2500;

function messageOf(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

/**
 * Runs one button's action at a time and keeps its feedback: passing news fades, errors stay until
 * the next action. `busy` is true while an action runs, to disable the buttons; `setFeedback` lets a
 * part that runs its own actions (Replace on page) report on the same line.
 */
export function useActionFeedback() {
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<ActionFeedback>();

  useEffect(() => {
    if (feedback?.kind !== 'status') return;
    const timer = setTimeout(() => setFeedback(undefined), STATUS_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  const run = useCallback(async (action: () => Promise<ActionFeedback>, failure: string) => {
    setBusy(true);
    setFeedback(undefined);
    try {
      setFeedback(await action());
    } catch (error) {
      setFeedback({ kind: 'alert', text: messageOf(error, failure) });
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, feedback, run, setFeedback };
}
