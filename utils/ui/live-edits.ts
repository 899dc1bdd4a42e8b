import { useEffect, useState } from 'react';
import type { Job } from '../job';
import { getJobs, watchJobs } from '../job-store';

/**
 * The edits of a tree's versions that are still in the live list (running, failed, or done and about to
 * move to the history), including edits of those edits, oldest first. `versionIds` are the tree's stored
 * versions; a job already among them is left out (the tree shows it).
 */
export function liveEditsOf(jobs: readonly Job[], versionIds: ReadonlySet<string>): Job[] {
  const reached = new Set(versionIds);
  const found: Job[] = [];
  let grew = true;
  while (grew) {
    grew = false;
    for (const job of jobs) {
      if (reached.has(job.id) || job.source.kind !== 'job' || !reached.has(job.source.jobId)) continue;
      reached.add(job.id);
      found.push(job);
      grew = true;
    }
  }
  return found.sort((a, b) => a.createdAt - b.createdAt);
}

/** The live list, kept current (undefined until first read). */
export function useLiveJobs(): Job[] | undefined {
  const [jobs, setJobs] = useState<Job[]>();
  useEffect(() => {
    let live = true;
    getJobs().then((read) => live && setJobs(read), () => undefined);
    const unwatch = watchJobs((read) => setJobs(read));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return jobs;
}
