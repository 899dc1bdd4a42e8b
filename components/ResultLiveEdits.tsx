import { statusWord, type Job } from '../utils/job';

/** Edits of this source that are not in the tree yet: running ones, and failed ones (retried from the popup). */
export function ResultLiveEdits({ jobs }: { jobs: readonly Job[] }) {
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="live-edits-heading" className="live-edits">
      <h2 id="live-edits-heading">In progress</h2>
      <ul>
        {jobs.map((job) => (
          <li key={job.id}>
            <span className="live-edit-prompt">{job.prompt}</span>{' '}
            <span className="live-edit-status" data-status={statusWord(job).toLowerCase()}>{statusWord(job)}</span>
            {job.error && <span className="live-edit-error"> — {job.error.message}</span>}
          </li>
        ))}
      </ul>
      <p className="muted">New versions join the tree when they are done. <a href="popup.html">All edits</a></p>
    </section>
  );
}
