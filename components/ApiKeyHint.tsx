import type { Provider } from '../utils/settings';
import { KEY_PAGES } from '../utils/ui/provider-form';

/** Where the chosen provider's keys are made, and where the key is kept and sent. */
export function ApiKeyHint({ provider }: { provider: Provider }) {
  const page = KEY_PAGES[provider];
  const shown = page.replace(/^https:\/\//, '').replace(/\/$/, '');
  return (
    <>
      {provider === 'bfl' ? 'Create a key at ' : 'Create a token at '}
      <a href={page} target="_blank" rel="noreferrer">{shown}</a>
      {provider === 'bfl' ? ' (API → Keys). ' : '. '}
      Each provider keeps its own key. It is stored only on this device, in the extension’s private storage; it is never synced and is sent only to the API base URL below
      {provider === 'bfl' ? ' and the Black Forest Labs hosts its answers point to.' : '.'}
    </>
  );
}
