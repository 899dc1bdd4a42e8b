import { useState, type KeyboardEvent } from 'react';

interface CompareHoldButtonProps {
  onHoldChange: (held: boolean) => void;
}

const isHoldKey = (event: KeyboardEvent) => event.key === ' ' || event.key === 'Enter';

/**
 * "Hold to see original": shows the original while the pointer presses it or Space/Enter is held on
 * it, and lets go on release, on leaving focus or when the pointer is lost (a touch turned scroll).
 */
export function CompareHoldButton({ onHoldChange }: CompareHoldButtonProps) {
  const [held, setHeld] = useState(false);
  const hold = (next: boolean) => {
    setHeld(next);
    onHoldChange(next);
  };

  return (
    <button
      type="button"
      className="compare-hold"
      aria-pressed={held}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        // Keeps the release coming here even when the pointer slides off the button.
        event.currentTarget.setPointerCapture?.(event.pointerId);
        hold(true);
      }}
      onPointerUp={() => hold(false)}
      onPointerCancel={() => hold(false)}
      onLostPointerCapture={() => held && hold(false)}
      onKeyDown={(event) => {
        if (!isHoldKey(event)) return;
        // No click (Enter) and no page scroll (Space): the key is held, not pressed.
        event.preventDefault();
        if (!event.repeat && !held) hold(true);
      }}
      onKeyUp={(event) => {
        if (!isHoldKey(event)) return;
        event.preventDefault();
        hold(false);
      }}
      onBlur={() => held && hold(false)}
      // A long touch would otherwise open the context menu over the picture.
      onContextMenu={(event) => event.preventDefault()}
    >
      Hold to see original
    </button>
  );
}
