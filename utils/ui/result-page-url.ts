import { browser } from 'wxt/browser';

/** The result page of one edit (entrypoints/result), which reads the job id from the hash like the popup. */
export function resultPageUrl(jobId: string): string {
  // Typed loosely until the result entrypoint exists (wxt types the paths of built pages).
  const getURL = browser.runtime.getURL as (path: string) => string;
  return getURL(`/result.html#job=${encodeURIComponent(jobId)}`);
}
