import { statusWord, type Job, type StatusWord } from '../utils/job';

function pendingText(word: StatusWord, job: Job): string {
  if (word === 'Failed') return job.error?.message ?? 'This edit did not finish.';
  if (word === 'Canceled') return 'This edit was canceled.';
  // Done jobs move to the history a moment after their finish is announced.
  if (word === 'Done') return 'Adding it to your history…';
  return 'The result shows here as soon as the edit is done.';
}

/** An edit still in the live list: running, just done and about to move to the history, or failed. */
export function ResultPending({ job }: { job: Job }) {
  const word = statusWord(job);
  return (
    <main className="result-page result-gone">
      <h1>{job.prompt}</h1>
      <p>
        <span className="result-status">{word}</span>
        {' — '}
        {pendingText(word, job)}
      </p>
      <p><a href={`popup.html#job=${encodeURIComponent(job.id)}`}>Open it in the list of edits</a></p>
    </main>
  );
}
