import { useEffect } from 'react';
import { sendToBackground } from '../utils/send-message';
import { useHashJob } from '../utils/ui/use-hash-job';
import { useResultPage } from '../utils/ui/use-result-page';
import { ResultGone } from './ResultGone';
import { ResultPending } from './ResultPending';
import { ResultView } from './ResultView';

export const MISSING_TITLE = 'This edit was not found';
export const DELETED_TITLE = 'This edit was deleted';

/**
 * The result page (`result.html#job=<id>`): one finished edit at full size with the versions of its
 * source. Reads the history and follows its changes; owns no job state.
 */
export function ResultApp() {
  const [jobId, open] = useHashJob();
  const { state, notice } = useResultPage(jobId, open);
  const prompt = state.status === 'ready' ? state.entry.job.prompt : state.status === 'pending' ? state.job.prompt : undefined;

  // The worker may have been stopped: an edit this page waits for keeps moving.
  useEffect(() => {
    sendToBackground({ type: 'bg:wake' }).catch(() => undefined);
  }, []);

  useEffect(() => {
    document.title = prompt ? `${prompt} — Edit with Kontext` : 'Edit with Kontext — Result';
  }, [prompt]);

  switch (state.status) {
    case 'loading':
      return <main className="result-page"><p className="muted" role="status">Loading…</p></main>;
    case 'missing':
      return <ResultGone title={MISSING_TITLE} text="It may have been deleted, or this link is from another browser profile." />;
    case 'deleted':
      return <ResultGone title={DELETED_TITLE} text="It and every other version of its picture are gone from your history." />;
    case 'error':
      return <ResultGone title="The history could not be read" text={state.message} />;
    case 'pending':
      return <ResultPending job={state.job} />;
    case 'ready':
      return <ResultView entry={state.entry} tree={state.tree} notice={notice?.text} onOpen={open} />;
  }
}
