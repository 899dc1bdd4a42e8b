import { useEffect, useState } from 'react';
import type { Job } from '../utils/job';
import type { ReplaceOnPageResult } from '../utils/messages';
import { watchReplaced } from '../utils/replace-on-page-state';
import { sendToBackground } from '../utils/send-message';

type Feedback = { kind: 'status' | 'alert'; text: string } | undefined;

interface ReplaceOnPageProps {
  job: Job;
  /** Where to show news and errors when the host has its own status line; without it, one of its own. */
  onFeedback?: (feedback: Feedback) => void;
}

const UNREACHABLE = 'The extension did not answer. Close and reopen this window, then try again.';

/**
 * "Replace on page" shows the result in place of the picture on the page it came from; once it is
 * shown there, "Restore original" puts the page's picture back. Which one is offered comes from the
 * background's per-tab session list, so a popup opened again still offers the restore.
 */
export function ReplaceOnPage({ job, onFeedback }: ReplaceOnPageProps) {
  const [replaced, setReplaced] = useState(false);
  const [busy, setBusy] = useState(false);
  const [ownFeedback, setOwnFeedback] = useState<Feedback>();
  const setFeedback = onFeedback ?? setOwnFeedback;
  const feedback = onFeedback ? undefined : ownFeedback;

  useEffect(() => watchReplaced((entries) => setReplaced(entries.some((entry) => entry.jobId === job.id))), [job.id]);

  // Passing news of its own line fades; a host's line follows the host's rule.
  useEffect(() => {
    if (feedback?.kind !== 'status') return;
    const timer = setTimeout(() => setOwnFeedback(undefined), 2500);
    return () => clearTimeout(timer);
  }, [feedback]);

  async function run(type: 'bg:replace-on-page' | 'bg:restore-original') {
    setBusy(true);
    setFeedback(undefined);
    let reply: ReplaceOnPageResult | undefined;
    try {
      reply = await sendToBackground({ type, jobId: job.id });
    } catch {
      reply = undefined;
    }
    setBusy(false);
    if (!reply) return setFeedback({ kind: 'alert', text: UNREACHABLE });
    if (!reply.ok) return setFeedback({ kind: 'alert', text: reply.message });
    // Shown at once; the session list confirms it a moment later.
    setReplaced(reply.state === 'replaced');
    setFeedback({ kind: 'status', text: reply.state === 'replaced' ? 'Shown on the page.' : 'Original restored.' });
  }

  return (
    <>
      {replaced
        ? <button type="button" onClick={() => void run('bg:restore-original')} disabled={busy}>Restore original</button>
        : <button type="button" onClick={() => void run('bg:replace-on-page')} disabled={busy}>Replace on page</button>}
      {!onFeedback && (
        <span className={feedback?.kind === 'alert' ? 'job-feedback job-feedback-error' : 'job-feedback'} role={feedback?.kind === 'alert' ? 'alert' : 'status'}>
          {feedback?.text ?? ''}
        </span>
      )}
    </>
  );
}
