import { useEffect, useState } from 'react';
import { isKeySessionOnly, setKeySessionOnly } from '../utils/secret-store';

/** "Remember the key only until the browser closes", for shared computers; switching moves a saved key at once. */
export function KeySessionOption() {
  const [on, setOn] = useState<boolean>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    isKeySessionOnly().then(setOn, () => setOn(false));
  }, []);

  function toggle(next: boolean) {
    setError(undefined);
    setKeySessionOnly(next).then(() => setOn(next), () => setError('The key could not be moved. Try again.'));
  }

  return (
    <div className="key-session">
      <label>
        <input type="checkbox" checked={on ?? false} disabled={on === undefined} onChange={(e) => toggle(e.target.checked)} />{' '}
        Remember the key only until the browser closes
      </label>
      <p className="muted">For shared computers: the key is then kept in memory for this browser session only, and you enter it again after a restart.</p>
      {error && <p className="alert" role="alert">{error}</p>}
    </div>
  );
}
