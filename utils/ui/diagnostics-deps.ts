import { browser } from 'wxt/browser';
import type { DiagnosticsMeta } from '../diagnostics';

/** What the Diagnostics section needs from the browser; tests pass fakes. */
export interface DiagnosticsDeps {
  writeText: (text: string) => Promise<void>;
  meta: () => DiagnosticsMeta;
}

export const browserDiagnosticsDeps: DiagnosticsDeps = {
  writeText: (text) => navigator.clipboard.writeText(text),
  meta: () => ({ version: browser.runtime.getManifest().version, userAgent: navigator.userAgent }),
};
