import { useEffect, useRef } from 'react';
import { isFinished, statusWord, type Job } from '../utils/job';
import { ElapsedTime } from './ElapsedTime';
import { JobActions } from './JobActions';
import { JobResult } from './JobResult';
import { JobThumb } from './JobThumb';

interface JobItemProps {
  job: Job;
  onEditAgain: (jobId: string) => void;
  /** Marked as the current item and scrolled into view (the job of a clicked notification). */
  focused?: boolean;
}

/** One edit in the popup: what it started from, the instruction, where it stands, what can be done. */
export function JobItem({ job, onEditAgain, focused = false }: JobItemProps) {
  const word = statusWord(job);
  const finished = isFinished(job);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) item.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  return (
    <li ref={item} className="job" data-status={word.toLowerCase()} aria-current={focused ? 'true' : undefined}>
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
