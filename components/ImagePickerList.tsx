import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { pictureLabel } from '../utils/page/picture-label';

interface ImagePickerListProps {
  /** Where the user clicked, in viewport pixels: the list opens beside it. */
  at: { x: number; y: number };
  elements: Element[];
  /** The item under the pointer or focus, for the highlight. */
  onActive: (element: Element) => void;
  onPick: (element: Element) => void;
}

const EDGE = 8;

/** The choice between several pictures stacked at one point: one button each, arrow keys move. */
export function ImagePickerList({ at, elements, onActive, onPick }: ImagePickerListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: at.x + EDGE, top: at.y + EDGE });

  // Beside the click, kept inside the viewport; focus on the first choice so the keyboard works at once.
  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const { width, height } = list.getBoundingClientRect();
    const win = list.ownerDocument.defaultView;
    const maxLeft = (win?.innerWidth ?? Infinity) - width - EDGE;
    const maxTop = (win?.innerHeight ?? Infinity) - height - EDGE;
    setPlace({ left: Math.max(EDGE, Math.min(at.x + EDGE, maxLeft)), top: Math.max(EDGE, Math.min(at.y + EDGE, maxTop)) });
    list.querySelector('button')?.focus();
  }, [at]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };

  return (
    <div ref={ref} className="kx-picker-list" role="group" aria-label="Images at this point" style={place} onKeyDown={onKeyDown}>
      <p className="kx-picker-list-title" aria-hidden="true">Several images here</p>
      {elements.map((element, index) => (
        <button
          key={index}
          type="button"
          className="kx-picker-choice"
          onClick={() => onPick(element)}
          onFocus={() => onActive(element)}
          onPointerEnter={() => onActive(element)}
        >
          {`Image ${index + 1} of ${elements.length}: ${pictureLabel(element)}`}
        </button>
      ))}
    </div>
  );
}
