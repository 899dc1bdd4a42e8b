import { clipToViewport } from '../utils/page/visibility';

interface ImagePickerHighlightProps {
  element: Element;
  /** Shown above the box, e.g. "photo 800 × 600". */
  label?: string;
  /** A dimmer outline for the other pictures stacked at the clicked point. */
  secondary?: boolean;
}

/**
 * An outline drawn in the picker's own layer over a picture of the page (the page's elements are
 * never restyled: their CSS could hide the outline, and restoring it would be fragile).
 */
export function ImagePickerHighlight({ element, label, secondary = false }: ImagePickerHighlightProps) {
  const win = element.ownerDocument.defaultView;
  const rect = element.getBoundingClientRect();
  const box = clipToViewport(rect, { width: win?.innerWidth ?? rect.right, height: win?.innerHeight ?? rect.bottom });
  if (box.width === 0 || box.height === 0) return null;
  return (
    <div
      className={secondary ? 'kx-picker-box kx-picker-box-secondary' : 'kx-picker-box'}
      style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
      aria-hidden="true"
    >
      {label && <span className={box.y < 24 ? 'kx-picker-tag kx-picker-tag-inside' : 'kx-picker-tag'}>{label}</span>}
    </div>
  );
}
