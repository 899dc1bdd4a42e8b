import { openOptionsPage } from '../utils/ui/open-options';

/**
 * Shown while no API key is saved. A button rather than a second link, so "Settings" stays the one
 * link of that name in the popup.
 */
export function KeyBanner() {
  return (
    <div className="banner" role="note">
      <button type="button" className="banner-action" onClick={openOptionsPage}>Add your API key in Settings</button>
    </div>
  );
}
