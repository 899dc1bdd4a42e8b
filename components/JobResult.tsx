import { useJobImageUrl } from '../utils/ui/use-job-image-url';

const RESULT_ROLES = ['result-thumb', 'result'] as const;

interface JobResultProps {
  jobId: string;
  prompt: string;
}

/** The edited image, named after the instruction that made it. */
export function JobResult({ jobId, prompt }: JobResultProps) {
  const url = useJobImageUrl(jobId, RESULT_ROLES, 'done');
  if (!url) return <div className="job-result job-result-empty">Loading result…</div>;
  return <img className="job-result" src={url} alt={`Result: ${prompt}`} />;
}
