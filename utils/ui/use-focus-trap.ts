import { useEffect, useState, type RefObject } from 'react';
import { focusableIn } from './focus-trap';

/**
 * While mounted: pulls focus back into the dialog when it wanders out (a click on the backdrop, the
 * page stealing it), and on unmount returns focus to wherever it was before the dialog opened.
 * Tab cycling itself is done by `trapTab` in the dialog's keydown handler.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>): void {
  // Read during the first render: by the time effects run, autoFocus has already moved the focus.
  const [previous] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));

  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const doc = container.ownerDocument;
    const onFocusIn = (event: FocusEvent) => {
      if (event.composedPath().includes(container)) return;
      focusableIn(container)[0]?.focus();
    };
    doc.addEventListener('focusin', onFocusIn, true);
    return () => {
      doc.removeEventListener('focusin', onFocusIn, true);
      if (previous instanceof HTMLElement && previous.isConnected && previous !== doc.body) {
        previous.focus({ preventScroll: true });
      }
    };
  }, [ref, previous]);
}
