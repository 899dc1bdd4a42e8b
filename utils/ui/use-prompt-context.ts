import { useCallback, useEffect, useState } from 'react';
import type { EditSource, PromptContext } from '../messages';
import { sendToBackground } from '../send-message';

/** The prompt box's view of the background's answer. */
export type PromptContextState =
  | { status: 'loading' }
  | { status: 'ready'; context: PromptContext }
  | { status: 'error'; message: string };

/** Shown when the background does not answer (stopped mid-update, or an extension reload orphaned this page). */
export const UNREACHABLE_MESSAGE = 'Could not reach the extension. Try again; if it keeps failing, reload the page.';

/** Asks the background what the prompt box needs (key present? defaults? preview?); `reload` asks again. */
export function usePromptContext(source: EditSource): { state: PromptContextState; reload: () => void } {
  const [state, setState] = useState<PromptContextState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const sourceKey = JSON.stringify(source);

  useEffect(() => {
    let live = true;
    sendToBackground({ type: 'bg:prompt-context', source: JSON.parse(sourceKey) as EditSource }).then(
      (context) => {
        if (!live) return;
        // An undefined reply means no listener answered (an old worker, or none at all).
        setState(context ? { status: 'ready', context } : { status: 'error', message: UNREACHABLE_MESSAGE });
      },
      () => live && setState({ status: 'error', message: UNREACHABLE_MESSAGE }),
    );
    return () => {
      live = false;
    };
  }, [sourceKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
