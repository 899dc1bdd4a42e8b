import { resultPageUrl } from '../utils/ui/result-page-url';
import { useJobImageUrl } from '../utils/ui/use-job-image-url';

const RESULT_ROLES = ['result-thumb', 'result'] as const;

interface JobResultProps {
  jobId: string;
  prompt: string;
}

/** The edited image (its thumbnail: full images load on the result page), named after the instruction that made it. */
export function JobResult({ jobId, prompt }: JobResultProps) {
  const url = useJobImageUrl(jobId, RESULT_ROLES, 'done');
  if (!url) return <div className="job-result job-result-empty">Loading result…</div>;
  // Opens the result page (compare, versions, details) in a tab; the picture names the link.
  return (
    <a className="job-result-link" href={resultPageUrl(jobId)} target="_blank" rel="noreferrer" title="Open the result page">
      <img className="job-result" src={url} alt={`Result: ${prompt}`} />
    </a>
  );
}
