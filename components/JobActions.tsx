import type { Job } from '../utils/job';
import { sendToBackground } from '../utils/send-message';
import { copyResult, saveResult } from '../utils/ui/result-actions';
import { useActionFeedback } from '../utils/ui/use-action-feedback';
import { openOptionsSection } from '../utils/ui/open-options';
import { ReplaceOnPage } from './ReplaceOnPage';

interface JobActionsProps {
  job: Job;
  onEditAgain: (jobId: string) => void;
}

const UNREACHABLE = 'The extension did not answer. Close and reopen this popup, then try again.';

/** The buttons that fit the job's state, with their feedback. */
export function JobActions({ job, onEditAgain }: JobActionsProps) {
  const { busy, feedback, run, setFeedback } = useActionFeedback();

  const command = (type: 'bg:cancel-job' | 'bg:delete-job' | 'bg:retry-job') => () =>
    run(async () => {
      const reply = await sendToBackground({ type, jobId: job.id });
      return reply?.ok ? undefined : { kind: 'alert', text: UNREACHABLE };
    }, UNREACHABLE);

  const save = () => run(async () => {
    await saveResult(job);
    return { kind: 'status', text: 'Saved to your downloads.' };
  }, 'The image could not be saved.');

  const copy = () => run(async () => {
    await copyResult(job);
    return { kind: 'status', text: 'Copied' };
  }, 'The image could not be copied to the clipboard.');

  const phase = job.phase;
  const running = phase !== 'done' && phase !== 'failed' && phase !== 'canceled';
  return (
    <div className="job-actions">
      {running && (
        // The output already exists while downloading, and a cancel already asked needs no second one.
        <button type="button" onClick={command('bg:cancel-job')} disabled={busy || job.cancelRequested || phase === 'downloading'}>
          Cancel
        </button>
      )}
      {phase === 'done' && (
        <>
          <button type="button" className="primary" onClick={save} disabled={busy}>Save</button>
          <button type="button" onClick={copy} disabled={busy}>Copy</button>
          <button type="button" onClick={() => onEditAgain(job.id)}>Edit again</button>
          <ReplaceOnPage job={job} onFeedback={setFeedback} />
        </>
      )}
      {(phase === 'failed' || phase === 'canceled') && (
        <button type="button" className="primary" onClick={command('bg:retry-job')} disabled={busy}>Retry</button>
      )}
      {phase === 'failed' && job.error?.code === 'spend-cap' && (
        <button type="button" onClick={() => openOptionsSection('spending')}>Raise the cap</button>
      )}
      {!running && <button type="button" className="danger" onClick={command('bg:delete-job')} disabled={busy}>Delete</button>}
      <span className={feedback?.kind === 'alert' ? 'job-feedback job-feedback-error' : 'job-feedback'} role={feedback?.kind === 'alert' ? 'alert' : 'status'}>
        {feedback?.text ?? ''}
      </span>
    </div>
  );
}
