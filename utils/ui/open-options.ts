import { browser } from 'wxt/browser';

/** Opens (or focuses) the options page from an extension page. */
export function openOptionsPage(): void {
  browser.runtime.openOptionsPage().catch(() => {
    // Firefox for Android and some embedders lack it: fall back to a plain tab.
    window.open('options.html', '_blank');
  });
}

/** The options page's history section ("options.html#history-storage"), where the storage warning leads. */
export const HISTORY_STORAGE_SECTION = 'history-storage';

/** Opens the options page at one of its sections (`options.html#<section>`), in a tab of its own. */
export function openOptionsSection(section: string): void {
  const getURL = browser.runtime.getURL as (path: string) => string;
  browser.tabs.create({ url: getURL(`/options.html#${section}`) }).catch(() => window.open(`options.html#${section}`, '_blank'));
}
