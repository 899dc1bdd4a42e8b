import { useEffect, useState } from 'react';
import { getApiKey } from '../secret-store';

/** Whether an API key is saved (undefined while reading); read again when the window regains focus. */
export function useHasKey(): boolean | undefined {
  const [hasKey, setHasKey] = useState<boolean>();
  useEffect(() => {
    let live = true;
    const read = () => {
      getApiKey().then(
        (key) => live && setHasKey(Boolean(key)),
        () => live && setHasKey(undefined),
      );
    };
    read();
    window.addEventListener('focus', read);
    return () => {
      live = false;
      window.removeEventListener('focus', read);
    };
  }, []);
  return hasKey;
}
