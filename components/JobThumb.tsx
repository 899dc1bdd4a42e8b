import { useJobImageUrl } from '../utils/ui/use-job-image-url';

const INPUT_ROLES = ['input-thumb', 'input'] as const;

interface JobThumbProps {
  jobId: string;
  /** Changes when the job moves on, so a picture stored meanwhile is picked up. */
  version: unknown;
}

/** The small picture of what the job edits (or a neutral square until it is stored). */
export function JobThumb({ jobId, version }: JobThumbProps) {
  const url = useJobImageUrl(jobId, INPUT_ROLES, version);
  return url ? <img className="job-thumb" src={url} alt="Original image" /> : <div className="job-thumb job-thumb-empty" aria-hidden="true" />;
}
