import { statusWord, type Job } from '../utils/job';

/** An edit still in the live list: running, just done and about to move to the history, or failed. */
export function ResultPending({ job }: { job: Job }) {
  const word = statusWord(job);
  return (
    <main className="result-page result-gone">
      <h1>{job.prompt}</h1>
      <p>
        <span className="result-status">{word}</span>
        {' — '}
        {word === 'Failed' || word === 'Canceled'
          ? job.error?.message ?? 'This edit did not finish.'
          : 'The result shows here as soon as the edit is done.'}
      </p>
      <p><a href={`popup.html#job=${encodeURIComponent(job.id)}`}>Open it in the list of edits</a></p>
    </main>
  );
}
