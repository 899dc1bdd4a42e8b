import { useEffect, useState } from 'react';
import type { Job } from '../job';
import { getJobs, watchJobs } from '../job-store';

/** Newest first, whatever order the store keeps. */
function newestFirst(jobs: Job[]): Job[] {
  return [...jobs].sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * The job list as storage has it, live. Undefined until the first read. The page never owns job
 * state, so closing and reopening it loses nothing.
 */
export function useJobs(): Job[] | undefined {
  const [jobs, setJobs] = useState<Job[]>();
  useEffect(() => {
    let changed = false;
    const unwatch = watchJobs((next) => {
      changed = true;
      setJobs(newestFirst(next));
    });
    // A change event that lands before the first read finishes is newer: keep it.
    void getJobs().then((first) => {
      if (!changed) setJobs(newestFirst(first));
    });
    return unwatch;
  }, []);
  return jobs;
}
