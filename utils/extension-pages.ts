import { browser } from 'wxt/browser';

/** The parts of the browser API that can tell whether one of our pages is open. */
export interface ExtensionPagesApi {
  runtime: {
    getURL(path: string): string;
    getContexts?: (filter: { contextTypes: ('POPUP' | 'TAB')[] }) => Promise<{ documentUrl?: string }[]>;
  };
  extension?: { getViews?: (fetchProperties?: { type?: 'popup' | 'tab' }) => unknown[] };
}

/**
 * True when the popup or an extension page in a tab (the popup opened from a notification, the
 * options page) is open: the user then sees a job finish there and needs no notification.
 *
 * `runtime.getContexts` (Chrome 116+, Firefox 128+) is the only way a service worker can list pages:
 * https://developer.chrome.com/docs/extensions/reference/api/runtime#method-getContexts
 * `extension.getViews` is the older way, absent from service workers but present in event pages
 * (Firefox's background); asked per type because an event page counts itself among all views.
 * With neither, nothing is known to be open, so the notification shows.
 */
export async function isAnyExtensionPageOpen(api: ExtensionPagesApi = browser): Promise<boolean> {
  const origin = api.runtime.getURL('/');
  if (typeof api.runtime.getContexts === 'function') {
    try {
      const contexts = await api.runtime.getContexts({ contextTypes: ['POPUP', 'TAB'] });
      return contexts.some((context) => context.documentUrl?.startsWith(origin) === true);
    } catch (error) {
      console.warn('Edit with Kontext: runtime.getContexts failed.', error);
    }
  }
  const extension = api.extension;
  if (typeof extension?.getViews === 'function') {
    try {
      return extension.getViews({ type: 'popup' }).length + extension.getViews({ type: 'tab' }).length > 0;
    } catch (error) {
      console.warn('Edit with Kontext: extension.getViews failed.', error);
    }
  }
  return false;
}
