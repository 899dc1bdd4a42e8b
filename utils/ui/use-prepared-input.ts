import { useEffect, useState } from 'react';
import type { EditSource, PrepareInputResult } from '../messages';
import { sendToBackground } from '../send-message';
import { UNREACHABLE_MESSAGE } from './use-prompt-context';

/** The prompt box's view of the input image being prepared in the background. */
export type PreparedInputState = { status: 'preparing' } | PrepareInputResult;

/** Asks the background for the prepared input of `source` (it prepares it first when needed). */
export function usePreparedInput(source: EditSource): PreparedInputState {
  const [state, setState] = useState<PreparedInputState>({ status: 'preparing' });
  const sourceKey = JSON.stringify(source);

  useEffect(() => {
    // The source of one box never changes, so the initial 'preparing' state is the only reset needed.
    let live = true;
    sendToBackground({ type: 'bg:prepare-input', source: JSON.parse(sourceKey) as EditSource }).then(
      (reply) => live && setState(reply ?? { ok: false, message: UNREACHABLE_MESSAGE }),
      () => live && setState({ ok: false, message: UNREACHABLE_MESSAGE }),
    );
    return () => {
      live = false;
    };
  }, [sourceKey]);

  return state;
}
