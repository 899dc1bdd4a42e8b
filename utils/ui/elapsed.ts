/** A duration as people read it in a list: "4 s", "1 min 05 s", "2 h 03 min". Negative counts as 0. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** How long a job has run: until `now` while running, until it finished once finished. */
export function jobElapsedMs(
  job: { createdAt: number; completedAt?: number; updatedAt: number },
  finished: boolean,
  now: number,
): number {
  const end = finished ? (job.completedAt ?? job.updatedAt) : now;
  return end - job.createdAt;
}
