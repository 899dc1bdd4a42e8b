import { browser } from 'wxt/browser';

/** Opens (or focuses) the options page from an extension page. */
export function openOptionsPage(): void {
  browser.runtime.openOptionsPage().catch(() => {
    // Firefox for Android and some embedders lack it: fall back to a plain tab.
    window.open('options.html', '_blank');
  });
}
