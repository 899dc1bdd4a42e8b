import { useEffect, useRef } from 'react';
import { isFinished, statusWord, type Job } from '../utils/job';
import type { EditSite } from '../utils/history/search';
import { ElapsedTime } from './ElapsedTime';
import { FinishedAt } from './FinishedAt';
import { JobActions } from './JobActions';
import { JobResult } from './JobResult';
import { JobThumb } from './JobThumb';
import type { RowPosition } from './VirtualList';

interface JobItemProps {
  job: Job;
  onEditAgain: (jobId: string) => void;
  /** Marked as the current item and scrolled into view (the job of a clicked notification). */
  focused?: boolean;
  /** Where the picture came from (its chain's first page), shown beside the status. */
  site?: EditSite;
  /** Its place in a virtualised list (only some rows exist at a time). */
  position?: RowPosition;
}

/** One edit in the popup: what it started from, the instruction, where it stands, what can be done. */
export function JobItem({ job, onEditAgain, focused = false, site, position }: JobItemProps) {
  const word = statusWord(job);
  const finished = isFinished(job);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) item.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  return (
    <li ref={item} className="job" data-status={word.toLowerCase()} aria-current={focused ? 'true' : undefined} {...position}>
      <div className="job-head">
        <JobThumb jobId={job.id} version={job.phase} />
        <div className="job-body">
          <p className="job-prompt">{job.prompt}</p>
          <p className="job-meta">
            <span className="job-status">{word}</span>
            <ElapsedTime job={job} finished={finished} />
            {finished && job.completedAt !== undefined && <FinishedAt at={job.completedAt} />}
            {site?.host && <span className="job-site" title={site.title}>{site.host}</span>}
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
