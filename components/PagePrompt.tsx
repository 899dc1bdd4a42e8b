import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { placeNear, type Box } from '../utils/ui/place-near';
import { PromptBox } from './PromptBox';

interface PagePromptProps {
  /** The one-time token of the menu click, the source of the edit. */
  token: string;
  /** The right-clicked image's rectangle in the viewport now, when it can still be found. */
  anchor: () => Box | undefined;
  onClose: () => void;
  onOpenSettings: () => void;
}

/** The prompt box over a web page: a light backdrop and the box placed beside the image. */
export function PagePrompt({ token, anchor, onClose, onOpenSettings }: PagePromptProps) {
  const placeRef = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ top: 0, left: 0 });

  const update = useCallback(() => {
    const element = placeRef.current;
    if (!element) return;
    const { width, height } = element.getBoundingClientRect();
    setPlace(placeNear(anchor(), { width, height }, { width: window.innerWidth, height: window.innerHeight }));
  }, [anchor]);

  // Layout effect: placed before the first paint, so the box never flashes in the corner.
  useLayoutEffect(() => {
    update();
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, { capture: true, passive: true });
    // The box grows once the preview and messages arrive; keep it inside the viewport.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    if (placeRef.current) observer?.observe(placeRef.current);
    return () => {
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, { capture: true });
      observer?.disconnect();
    };
  }, [update]);

  return (
    <div className="kx-layer">
      <div className="kx-backdrop" aria-hidden="true" />
      <div ref={placeRef} className="kx-place" style={{ top: place.top, left: place.left }}>
        <PromptBox source={{ kind: 'selection', token }} onClose={onClose} onOpenSettings={onOpenSettings} />
      </div>
    </div>
  );
}
