import type { Job } from '../utils/job';
import { JobItem } from './JobItem';

interface JobListProps {
  jobs: Job[];
  onEditAgain: (jobId: string) => void;
  /** The job to point at (opened from its notification). */
  focusedJobId?: string;
}

/** The edits, newest first. */
export function JobList({ jobs, onEditAgain, focusedJobId }: JobListProps) {
  return (
    <ul className="job-list" aria-label="Edits">
      {jobs.map((job) => (
        <JobItem key={job.id} job={job} onEditAgain={onEditAgain} focused={job.id === focusedJobId} />
      ))}
    </ul>
  );
}
