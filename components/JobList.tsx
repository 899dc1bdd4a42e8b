import type { Job } from '../utils/job';
import { JobItem } from './JobItem';

interface JobListProps {
  jobs: Job[];
  onEditAgain: (jobId: string) => void;
}

/** The edits, newest first. */
export function JobList({ jobs, onEditAgain }: JobListProps) {
  return (
    <ul className="job-list" aria-label="Edits">
      {jobs.map((job) => (
        <JobItem key={job.id} job={job} onEditAgain={onEditAgain} />
      ))}
    </ul>
  );
}
