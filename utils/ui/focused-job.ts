/** The job a page URL's hash points at (`#job=<id>`, from a clicked notification), if any. */
export function jobIdFromHash(hash: string): string | undefined {
  const jobId = new URLSearchParams(hash.replace(/^#/, '')).get('job');
  return jobId || undefined;
}
