import { useCallback, useEffect, useRef, useState } from 'react';
import { ALL_SITES, browserSiteAccess, type SiteAccessDeps } from '../utils/ui/site-access';

/** The id the prompt box links to ("options.html#site-access"). */
export const SITE_ACCESS_SECTION = 'site-access';

/**
 * The optional access to all sites, offered with its reason. Without it everything still works: the
 * picture is read through the page, or from a screenshot; with it, the background downloads pictures
 * from other servers directly, in full quality, without relying on the page.
 */
export function SiteAccessPanel({ deps = browserSiteAccess }: { deps?: SiteAccessDeps }) {
  const [granted, setGranted] = useState<boolean>();
  const [message, setMessage] = useState<string>();

  const refresh = useCallback(() => {
    Promise.resolve().then(() => deps.contains(ALL_SITES)).then(setGranted, () => setGranted(false));
  }, [deps]);

  // Opened from the prompt box's offer (options.html#site-access): bring the section into view.
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (location.hash === `#${SITE_ACCESS_SECTION}`) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  useEffect(() => {
    refresh();
    // Not every browser reports permission changes (Firefox for Android); the state then updates on reload.
    try {
      return deps.watch(refresh);
    } catch {
      return undefined;
    }
  }, [deps, refresh]);

  function allow() {
    setMessage(undefined);
    // Called right in the click: the browser shows its prompt only during the user's gesture.
    deps.request(ALL_SITES).then(
      (ok) => {
        if (!ok) setMessage('Access was not granted. Pictures are still read through the page or from a screenshot.');
        refresh();
      },
      () => setMessage('The browser did not show the request. Try again from this page.'),
    );
  }

  function revoke() {
    setMessage(undefined);
    deps.remove(ALL_SITES).then(refresh, refresh);
  }

  return (
    <section ref={sectionRef} className="diagnostics site-access" id={SITE_ACCESS_SECTION} aria-labelledby="site-access-heading">
      <h2 id="site-access-heading">Access to all sites</h2>
      <p className="muted">
        Optional. With it, the extension downloads the picture you chose straight from the server that hosts it,
        in full quality, even when the page itself may not read it (pictures from another server). It reads
        nothing else and only acts when you choose Edit with Kontext.
        Without it, the picture is read through the page, or as a screenshot of what is on screen.
      </p>
      {granted === undefined && <p className="muted">Checking…</p>}
      {granted === false && <button type="button" className="secondary" onClick={allow}>Allow access to all sites</button>}
      {granted === true && (
        <>
          <p role="status">Access to all sites is allowed.</p>
          <button type="button" className="secondary" onClick={revoke}>Remove access to all sites</button>
        </>
      )}
      {message && <p className="alert" role="alert">{message}</p>}
    </section>
  );
}
