import { browser } from 'wxt/browser';

/** The result page of one edit (entrypoints/result), which reads the job id from the hash like the popup. */
export function resultPageUrl(jobId: string): string {
  return browser.runtime.getURL(`/result.html#job=${encodeURIComponent(jobId)}`);
}

/** Opens the result page of one edit in a new tab (from the popup, whose own window would close). */
export function openResultPage(jobId: string): void {
  browser.tabs.create({ url: resultPageUrl(jobId) }).catch(() => {
    window.open(resultPageUrl(jobId), '_blank');
  });
}
