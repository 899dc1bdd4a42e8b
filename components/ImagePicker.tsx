import { useCallback, useEffect, useId, useLayoutEffect, useReducer, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { trapTab } from '../utils/ui/focus-trap';
import { imageCandidatesAt } from '../utils/page/candidates-at';
import { pictureLabel } from '../utils/page/picture-label';
import { ImagePickerHighlight } from './ImagePickerHighlight';
import { ImagePickerList } from './ImagePickerList';

interface ImagePickerProps {
  /** The page's document, searched for pictures under the pointer. */
  doc: Document;
  onPick: (element: Element) => void;
  onCancel: () => void;
}

/** Text of the bar at the top of the picker. */
export const PICKER_HINT = 'Pick an image to edit — click an image · Esc to leave';
export const NOTHING_HERE = 'No image here. Point at a picture, or press Esc to leave.';
/** Near the top edge the bar moves down, so it does not hide the pictures there. */
const BAR_ZONE = 80;

interface Choice { at: { x: number; y: number }; elements: Element[] }

/**
 * A full-viewport layer over the page for picking any picture: the one under the pointer is
 * outlined; a click picks it, or, when several are stacked there (a background under a photo under
 * a transparent link), opens a list to choose from. Escape closes the list, then leaves. The layer
 * takes every pointer event so the page never sees the click.
 */
export function ImagePicker({ doc, onPick, onCancel }: ImagePickerProps) {
  const layerRef = useRef<HTMLDivElement>(null);
  const pointer = useRef<{ x: number; y: number } | undefined>(undefined);
  const [hovered, setHovered] = useState<Element | undefined>();
  const [choice, setChoice] = useState<Choice | undefined>();
  const [active, setActive] = useState<Element | undefined>();
  const [notice, setNotice] = useState('');
  const [barBelow, setBarBelow] = useState(false);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const hintId = useId();

  const candidatesAt = useCallback((x: number, y: number) => imageCandidatesAt(doc, x, y, (element) => isPickerItself(layerRef.current, element)), [doc]);

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    pointer.current = { x: event.clientX, y: event.clientY };
    setBarBelow(event.clientY < BAR_ZONE);
    if (!choice) setHovered(candidatesAt(event.clientX, event.clientY)[0]);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    swallow(event);
    if (isInControl(event.target)) return;
    const elements = candidatesAt(event.clientX, event.clientY);
    setChoice(undefined);
    setActive(undefined);
    setNotice(elements.length === 0 ? NOTHING_HERE : '');
    if (elements.length === 1) onPick(elements[0]!);
    else if (elements.length > 1) setChoice({ at: { x: event.clientX, y: event.clientY }, elements });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The page's shortcuts must not hear the keys that move through the list.
    event.stopPropagation();
    if (layerRef.current && trapTab(event, layerRef.current)) event.preventDefault();
  };

  // Focus the layer so keys reach it, without scrolling the page.
  useLayoutEffect(() => layerRef.current?.focus({ preventScroll: true }), []);

  // Escape on the window, capturing: first to hear it, wherever the focus is, and the page never does.
  useEffect(() => {
    const win = doc.defaultView;
    if (!win) return;
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      if (choice) {
        setChoice(undefined);
        layerRef.current?.focus({ preventScroll: true });
      } else {
        onCancel();
      }
    };
    win.addEventListener('keydown', onEscape, true);
    return () => win.removeEventListener('keydown', onEscape, true);
  }, [doc, choice, onCancel]);

  // The page moves under a still pointer when it scrolls: follow it, and move the outlines.
  useEffect(() => {
    const win = doc.defaultView;
    if (!win) return;
    const onMove = () => {
      if (pointer.current && !choice) setHovered(candidatesAt(pointer.current.x, pointer.current.y)[0]);
      redraw();
    };
    win.addEventListener('scroll', onMove, { capture: true, passive: true });
    win.addEventListener('resize', onMove);
    return () => {
      win.removeEventListener('scroll', onMove, { capture: true });
      win.removeEventListener('resize', onMove);
    };
  }, [doc, choice, candidatesAt]);

  const current = choice ? (active ?? choice.elements[0]) : hovered;
  return (
    <div
      ref={layerRef}
      className="kx-picker"
      role="dialog"
      aria-modal="true"
      aria-label="Pick an image to edit"
      aria-describedby={hintId}
      tabIndex={-1}
      onPointerMove={onPointerMove}
      onPointerLeave={() => !choice && setHovered(undefined)}
      onClick={onClick}
      onPointerDown={swallow}
      onPointerUp={swallow}
      onMouseDown={swallow}
      onMouseUp={swallow}
      onDoubleClick={swallow}
      onAuxClick={swallow}
      onContextMenu={swallow}
      onKeyDown={onKeyDown}
      onKeyUp={stopKey}
    >
      {choice?.elements.filter((element) => element !== current).map((element, index) => (
        <ImagePickerHighlight key={index} element={element} secondary />
      ))}
      {current && <ImagePickerHighlight element={current} label={pictureLabel(current)} />}
      <div className={barBelow ? 'kx-picker-bar kx-picker-bar-below' : 'kx-picker-bar'}>
        <span id={hintId}>{PICKER_HINT}</span>
        <button type="button" className="kx-picker-cancel" onClick={(event) => { swallow(event); onCancel(); }}>Cancel</button>
      </div>
      <p className="kx-picker-notice" role="status">{notice}</p>
      {choice && <ImagePickerList at={choice.at} elements={choice.elements} onActive={setActive} onPick={onPick} />}
    </div>
  );
}

/**
 * Keeps the event from the page: it stops at the React root, inside our shadow root. Default
 * actions (text selection, focus moving to the page) are prevented except on our own controls.
 */
function swallow(event: MouseEvent | PointerEvent): void {
  event.stopPropagation();
  if (!isInControl(event.target)) event.preventDefault();
}

function stopKey(event: KeyboardEvent): void {
  event.stopPropagation();
}

function isInControl(target: EventTarget | null): boolean {
  return typeof (target as Element | null)?.closest === 'function' && (target as Element).closest('button, .kx-picker-list') !== null;
}

/** Whether a hit-tested element is the picker itself or the shadow host it is rendered in. */
function isPickerItself(layer: HTMLDivElement | null, element: Element): boolean {
  if (!layer) return false;
  const root = layer.getRootNode() as Partial<ShadowRoot>;
  return element === root.host || layer.contains(element);
}
