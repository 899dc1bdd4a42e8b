import { useEffect, useRef, useState } from 'react';
import { sendToBackground } from '../utils/send-message';
import { trapTab } from '../utils/ui/focus-trap';
import { useFocusTrap } from '../utils/ui/use-focus-trap';

interface ClearHistoryDialogProps {
  /** How many finished edits would go. */
  count: number;
  onClose: () => void;
}

/** Asks before deleting the whole history: nothing is deleted without the user saying so. */
export function ClearHistoryDialog({ count, onClose }: ClearHistoryDialogProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  useFocusTrap(dialog);
  // The safe choice has the focus, so Enter alone deletes nothing.
  useEffect(() => keep.current?.focus(), []);

  async function clear() {
    setBusy(true);
    const reply = await sendToBackground({ type: 'bg:clear-history' }).catch(() => undefined);
    setBusy(false);
    if (reply?.ok) onClose();
    else setProblem('The extension did not answer. Close and reopen this popup, then try again.');
  }

  const edits = count === 1 ? 'the finished edit' : `all ${count} finished edits`;
  return (
    <div className="modal-layer">
      <div
        ref={dialog}
        className="confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="clear-title"
        aria-describedby="clear-text"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
          else if (trapTab(event, event.currentTarget)) event.preventDefault();
        }}
      >
        <h2 id="clear-title">Clear history?</h2>
        <p id="clear-text">This deletes {edits} and their images from this browser. It cannot be undone; export the history from Settings first to keep a copy.</p>
        {problem && <p className="job-error" role="alert">{problem}</p>}
        <div className="confirm-actions">
          <button type="button" ref={keep} onClick={onClose} disabled={busy}>Keep history</button>
          <button type="button" className="danger" onClick={() => void clear()} disabled={busy}>Delete all</button>
        </div>
      </div>
    </div>
  );
}
