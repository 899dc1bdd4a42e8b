import type { Job } from '../utils/job';
import { formatDuration, jobElapsedMs } from '../utils/ui/elapsed';
import { useNow } from '../utils/ui/use-now';

interface ElapsedTimeProps {
  job: Job;
  finished: boolean;
}

/** How long the job has taken: ticking every second while it runs, the total once it is over. */
export function ElapsedTime({ job, finished }: ElapsedTimeProps) {
  const now = useNow(!finished);
  const ms = jobElapsedMs(job, finished, now);
  return (
    <time className="job-elapsed" dateTime={`PT${Math.max(0, Math.floor(ms / 1000))}S`} title={finished ? 'Total time' : 'Time so far'}>
      {formatDuration(ms)}
    </time>
  );
}
