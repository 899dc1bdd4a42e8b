import { browser } from 'wxt/browser';

/** Every http(s) site: what "Allow access to all sites" asks for (optional in the manifest). */
export const ALL_SITES = ['https://*/*', 'http://*/*'];

/** Reading and changing the optional all-sites access; tests pass fakes. */
export interface SiteAccessDeps {
  contains(origins: string[]): Promise<boolean>;
  /** Must be called synchronously in a click handler (browsers need the user gesture). */
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
  /** Calls back when access changes anywhere (another page, the browser's own extension settings). */
  watch(callback: () => void): () => void;
}

export const browserSiteAccess: SiteAccessDeps = {
  contains: (origins) => browser.permissions.contains({ origins }),
  request: (origins) => browser.permissions.request({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
  watch(callback) {
    browser.permissions.onAdded.addListener(callback);
    browser.permissions.onRemoved.addListener(callback);
    return () => {
      browser.permissions.onAdded.removeListener(callback);
      browser.permissions.onRemoved.removeListener(callback);
    };
  },
};
