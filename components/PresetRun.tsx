import { useEffect, useId, useState } from 'react';
import type { StartEditResult } from '../utils/messages';
import { sendToBackground } from '../utils/send-message';
import { UNREACHABLE_MESSAGE } from '../utils/ui/use-prompt-context';
import { STARTED_MESSAGE } from './PromptBox';

/** How long a started preset's note stays before it goes by itself (a refusal stays until closed). */
export const PRESET_NOTE_MS = 4000;

export interface PresetRunProps {
  /** The menu click's token: the background knows which preset it was made for. */
  token: string;
  presetName: string;
  onClose: () => void;
  onOpenSettings: () => void;
  onRaiseCap: () => void;
  closeDelayMs?: number;
}

type RunState = { status: 'starting' } | { status: 'started' } | { status: 'refused'; message: string; reason?: 'spend-cap' | 'no-key' };

function stateOf(reply: StartEditResult | undefined): RunState {
  if (!reply) return { status: 'refused', message: UNREACHABLE_MESSAGE };
  return reply.ok ? { status: 'started' } : { status: 'refused', message: reply.message, reason: reply.reason };
}

/**
 * A preset chosen from the image menu: no box to fill in, only a small note in the corner of the page
 * saying that the edit started (then it goes) or why it could not (then it stays, with the way out).
 * Not a dialog and never takes the focus: the page stays usable while it shows.
 */
export function PresetRun({ token, presetName, onClose, onOpenSettings, onRaiseCap, closeDelayMs = PRESET_NOTE_MS }: PresetRunProps) {
  const headingId = useId();
  const [state, setState] = useState<RunState>({ status: 'starting' });
  // Bumped by "Try again": the click is not used up by a refusal for want of a key.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    sendToBackground({ type: 'bg:run-preset', token }).then(
      (reply) => live && setState(stateOf(reply)),
      () => live && setState({ status: 'refused', message: UNREACHABLE_MESSAGE }),
    );
    return () => {
      live = false;
    };
  }, [token, attempt]);

  function tryAgain() {
    setState({ status: 'starting' });
    setAttempt((n) => n + 1);
  }

  useEffect(() => {
    if (state.status !== 'started') return;
    const timer = setTimeout(onClose, closeDelayMs);
    return () => clearTimeout(timer);
  }, [state.status, closeDelayMs, onClose]);

  return (
    <section className="kx-dialog kx-toast" aria-labelledby={headingId}>
      <div className="kx-header">
        <h2 id={headingId} className="kx-title">{presetName}</h2>
        <button type="button" className="kx-close" aria-label="Close" onClick={onClose}>×</button>
      </div>
      <p className="kx-success" role="status">
        {state.status === 'starting' ? 'Starting the edit…' : state.status === 'started' ? STARTED_MESSAGE : ''}
      </p>
      {state.status === 'refused' && (
        <>
          <p className="kx-error" role="alert">{state.message}</p>
          {state.reason === 'no-key' && (
            <div className="kx-actions">
              <button type="button" className="kx-secondary" onClick={onOpenSettings}>Open options</button>
              <button type="button" className="kx-primary" onClick={tryAgain}>Try again</button>
            </div>
          )}
          {state.reason === 'spend-cap' && <button type="button" className="kx-secondary" onClick={onRaiseCap}>Raise the cap</button>}
        </>
      )}
    </section>
  );
}
