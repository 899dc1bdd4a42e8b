import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ImageFacts } from '../utils/job';
import { COMPARE_MAX, COMPARE_MIN, COMPARE_START, sliderValueAfterKey, sliderValueAtPointer, sliderValueText } from '../utils/ui/compare-slider';
import { useJobImageUrl } from '../utils/ui/use-job-image-url';
import { CompareHoldButton } from './CompareHoldButton';

const INPUT_ROLES = ['input'] as const;
const RESULT_ROLES = ['result'] as const;

interface CompareViewProps {
  jobId: string;
  prompt: string;
  /** Sizes of the result and the original, to size the box before the pictures load. */
  result?: ImageFacts;
  input?: ImageFacts;
}

/**
 * The result at full size over the original it was made from, with a divider to slide between them
 * and a button to hold for the whole original. Both pictures fill the same box (object-fit: contain),
 * so they line up even when the result's size differs from the original's.
 */
export function CompareView({ jobId, prompt, result, input }: CompareViewProps) {
  const before = useJobImageUrl(jobId, INPUT_ROLES, jobId);
  const after = useJobImageUrl(jobId, RESULT_ROLES, jobId);
  const [value, setValue] = useState(COMPARE_START);
  const [holding, setHolding] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const sliderRef = useRef<HTMLDivElement>(null);
  const size = result ?? input ?? { width: 1, height: 1 };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = sliderValueAfterKey(value, event.key);
    if (next === undefined) return;
    event.preventDefault();
    setValue(next);
  }

  function follow(event: PointerEvent<HTMLDivElement>) {
    const rect = boxRef.current?.getBoundingClientRect();
    if (rect) setValue(sliderValueAtPointer(event.clientX, rect));
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0 || !before) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    sliderRef.current?.focus();
    follow(event);
  }

  const showAfter = !holding || !before;
  return (
    <figure className="compare" aria-label="Before and after">
      <div
        ref={boxRef}
        className={before ? 'compare-box compare-box-slidable' : 'compare-box'}
        style={{ aspectRatio: `${size.width} / ${size.height}`, maxWidth: `${size.width}px` }}
        onPointerDown={onPointerDown}
        onPointerMove={(event) => event.currentTarget.hasPointerCapture?.(event.pointerId) && follow(event)}
      >
        {before && <img className="compare-image" src={before} alt="Original image" draggable={false} />}
        {after
          ? <img className="compare-image" src={after} alt={`Result: ${prompt}`} hidden={!showAfter} draggable={false} style={before ? { clipPath: `inset(0 0 0 ${value}%)` } : undefined} />
          : <p className="compare-loading">Loading result…</p>}
        {before && (
          <div className="compare-divider" style={{ left: `${value}%` }} hidden={!showAfter}>
            <div
              ref={sliderRef}
              className="compare-handle"
              role="slider"
              tabIndex={0}
              aria-label="Compare with original"
              aria-orientation="horizontal"
              aria-valuemin={COMPARE_MIN}
              aria-valuemax={COMPARE_MAX}
              aria-valuenow={value}
              aria-valuetext={sliderValueText(value)}
              onKeyDown={onKeyDown}
            />
          </div>
        )}
      </div>
      <figcaption className="compare-caption">
        {before ? <CompareHoldButton onHoldChange={setHolding} /> : <span className="muted">The original picture of this edit is not stored.</span>}
        <span className="muted" role="status">{holding && before ? 'Showing the original' : ''}</span>
      </figcaption>
    </figure>
  );
}
