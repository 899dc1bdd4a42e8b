import { useState } from 'react';
import type { Job } from '../utils/job';
import { sendToBackground } from '../utils/send-message';
import { browserResultDeps, copyResult, saveResult, type ResultDeps } from '../utils/ui/result-actions';
import { useActionFeedback } from '../utils/ui/use-action-feedback';
import { ReplaceOnPage } from './ReplaceOnPage';
import { ResultDeleteDialog } from './ResultDeleteDialog';

interface ResultActionsProps {
  job: Job;
  /** "Version 2: make it night", for the delete question. */
  label: string;
  hasEdits: boolean;
  onEditAgain: () => void;
  resultDeps?: ResultDeps;
}

const UNREACHABLE = 'The extension did not answer. Reload this page, then try again.';

/** Save, Copy, Edit again, Replace on page and Delete for the version shown, with their feedback. */
export function ResultActions({ job, label, hasEdits, onEditAgain, resultDeps = browserResultDeps }: ResultActionsProps) {
  const { busy, feedback, run } = useActionFeedback();
  const [confirming, setConfirming] = useState(false);

  const save = () => run(async () => {
    await saveResult(job, resultDeps);
    return { kind: 'status', text: 'Saved to your downloads.' };
  }, 'The image could not be saved.');

  const copy = () => run(async () => {
    await copyResult(job, resultDeps);
    return { kind: 'status', text: 'Copied' };
  }, 'The image could not be copied to the clipboard.');

  // The history store re-parents the edits made from it; the page then moves to a neighbour.
  const remove = () => {
    setConfirming(false);
    void run(async () => {
      const reply = await sendToBackground({ type: 'bg:delete-job', jobId: job.id });
      return reply?.ok ? undefined : { kind: 'alert', text: UNREACHABLE };
    }, UNREACHABLE);
  };

  return (
    <div className="result-actions">
      <button type="button" className="primary" onClick={save} disabled={busy}>Save</button>
      <button type="button" onClick={copy} disabled={busy}>Copy</button>
      <button type="button" onClick={onEditAgain}>Edit again</button>
      <ReplaceOnPage job={job} />
      <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={busy}>Delete</button>
      <span className={feedback?.kind === 'alert' ? 'result-feedback result-feedback-error' : 'result-feedback'} role={feedback?.kind === 'alert' ? 'alert' : 'status'}>
        {feedback?.text ?? ''}
      </span>
      {confirming && <ResultDeleteDialog label={label} hasEdits={hasEdits} onConfirm={remove} onCancel={() => setConfirming(false)} />}
    </div>
  );
}
