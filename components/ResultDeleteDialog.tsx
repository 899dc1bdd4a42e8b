import { useId, useRef, type KeyboardEvent } from 'react';
import { trapTab } from '../utils/ui/focus-trap';
import { useFocusTrap } from '../utils/ui/use-focus-trap';

interface ResultDeleteDialogProps {
  /** "Version 2: make it night". */
  label: string;
  /** True when edits were made from this version (they stay, under the version before it). */
  hasEdits: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a version is deleted for good; Cancel has the focus, Escape cancels. */
export function ResultDeleteDialog({ label, hasEdits, onConfirm, onCancel }: ResultDeleteDialogProps) {
  const ids = { title: useId(), text: useId() };
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (ref.current && trapTab(event, ref.current)) {
      event.preventDefault();
    }
  }

  return (
    <div className="modal-layer">
      <div ref={ref} className="kx-dialog confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby={ids.title} aria-describedby={ids.text} onKeyDown={onKeyDown}>
        <h2 id={ids.title} className="kx-title">Delete this version?</h2>
        <p id={ids.text}>
          {label} — its result and original are removed from your history for good.
          {hasEdits ? ' The edits made from it stay, under the version before it.' : ''}
        </p>
        <div className="kx-actions">
          <button type="button" className="kx-secondary" onClick={onCancel} autoFocus>Cancel</button>
          <button type="button" className="kx-primary danger" onClick={onConfirm}>Delete</button>
        </div>
      </div>
    </div>
  );
}
