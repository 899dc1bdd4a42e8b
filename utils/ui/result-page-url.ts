import { browser } from 'wxt/browser';

/** The result page of one edit (entrypoints/result), which reads the job id from the hash like the popup. */
export function resultPageUrl(jobId: string): string {
  return browser.runtime.getURL(`/result.html#job=${encodeURIComponent(jobId)}`);
}
