import { isFinished, statusWord, type Job } from '../utils/job';
import { ElapsedTime } from './ElapsedTime';
import { JobActions } from './JobActions';
import { JobResult } from './JobResult';
import { JobThumb } from './JobThumb';

interface JobItemProps {
  job: Job;
  onEditAgain: (jobId: string) => void;
}

/** One edit in the popup: what it started from, the instruction, where it stands, what can be done. */
export function JobItem({ job, onEditAgain }: JobItemProps) {
  const word = statusWord(job);
  const finished = isFinished(job);
  return (
    <li className="job" data-status={word.toLowerCase()}>
      <div className="job-head">
        <JobThumb jobId={job.id} version={job.phase} />
        <div className="job-body">
          <p className="job-prompt">{job.prompt}</p>
          <p className="job-meta">
            <span className="job-status">{word}</span>
            <ElapsedTime job={job} finished={finished} />
          </p>
          {job.notice && !finished && <p className="job-notice">{job.notice}</p>}
          {job.phase === 'failed' && job.error && <p className="job-error">{job.error.message}</p>}
        </div>
      </div>
      {job.phase === 'done' && <JobResult jobId={job.id} prompt={job.prompt} />}
      <JobActions job={job} onEditAgain={onEditAgain} />
    </li>
  );
}
