import { useId, type KeyboardEvent, type Ref } from 'react';

interface RecentInstructionsProps {
  items: readonly string[];
  /** The highlighted option (-1: none; the list only highlights while it has the focus). */
  active: number;
  onActiveChange: (index: number) => void;
  /** Puts an instruction into the textbox (does not start the edit). */
  onPick: (instruction: string) => void;
  /** Leaves the list for the textbox: ArrowUp past the first option. */
  onExit: () => void;
  /** Escape: hides the list (without closing the prompt box). */
  onDismiss: () => void;
  listRef: Ref<HTMLUListElement>;
}

/**
 * Earlier instructions under the instruction box, as a listbox the textbox's ArrowDown moves into
 * (WAI-ARIA listbox pattern with aria-activedescendant: the focus stays on the list itself).
 */
export function RecentInstructions({ items, active, onActiveChange, onPick, onExit, onDismiss, listRef }: RecentInstructionsProps) {
  const ids = { label: useId(), option: useId() };
  const optionId = (index: number) => `${ids.option}-${index}`;

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const last = items.length - 1;
    const list = event.currentTarget;
    const highlight = (index: number) => {
      onActiveChange(index);
      // The list shows about six at once: keep the highlighted one in view.
      list.children[index]?.scrollIntoView?.({ block: 'nearest' });
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => highlight(Math.min(active + 1, last)),
      ArrowUp: () => (active <= 0 ? onExit() : highlight(active - 1)),
      Home: () => highlight(0),
      End: () => highlight(last),
      Enter: () => {
        const item = items[active];
        if (item !== undefined) onPick(item);
      },
      Escape: onDismiss,
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    // Escape here closes the list, not the dialog; Enter picks, it does not submit.
    event.stopPropagation();
    action();
  }

  return (
    <div className="kx-recents">
      <p id={ids.label} className="kx-recents-label">Recent instructions</p>
      <ul
        ref={listRef}
        role="listbox"
        aria-labelledby={ids.label}
        tabIndex={-1}
        className="kx-recents-list"
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => active < 0 && onActiveChange(0)}
        onBlur={() => onActiveChange(-1)}
      >
        {items.map((item, index) => (
          <li
            key={item}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="kx-recents-option"
            // Keep the focus where it is; the click picks.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(item)}
          >
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}
