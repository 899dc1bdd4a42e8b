// `chrome` as seen by callbacks passed to `worker.evaluate` / extension pages' `evaluate`: they run inside
// the browser, where Chromium provides it. Node-side code must never touch it.
import type { WxtBrowser } from 'wxt/browser';

declare global {
  const chrome: WxtBrowser;
}
