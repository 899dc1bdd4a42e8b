import { isFinished, type Job } from './job';

/** Text and colour of the toolbar badge: the number of running jobs. */
export function badgeFor(jobs: Job[]): { text: string; color: string } {
  const running = jobs.filter((job) => !isFinished(job)).length;
  return { text: running > 0 ? String(running) : '', color: '#2563eb' };
}
