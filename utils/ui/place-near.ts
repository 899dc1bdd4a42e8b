/** A rectangle in viewport coordinates. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Space kept between the dialog and the viewport edges or the image. */
export const PLACEMENT_MARGIN = 12;

/**
 * Where to put a dialog of `size` near `anchor` (the image), inside a viewport of `viewport` size:
 * right of the image if it fits, else left of it, else over its top-left; always clamped so the whole
 * dialog stays visible. Without an anchor it is centred.
 */
export function placeNear(
  anchor: Box | undefined,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number } {
  const m = PLACEMENT_MARGIN;
  // The margin wins over the far edge when the viewport is too small for the dialog.
  const clamp = (value: number, limit: number) => Math.round(Math.max(m, Math.min(value, limit)));
  const maxLeft = viewport.width - size.width - m;
  const maxTop = viewport.height - size.height - m;
  if (!anchor) {
    return { left: clamp((viewport.width - size.width) / 2, maxLeft), top: clamp((viewport.height - size.height) / 3, maxTop) };
  }
  let left: number;
  if (anchor.left + anchor.width + m + size.width + m <= viewport.width) left = anchor.left + anchor.width + m;
  else if (anchor.left - m - size.width >= m) left = anchor.left - m - size.width;
  else left = anchor.left + m;
  return { left: clamp(left, maxLeft), top: clamp(anchor.top, maxTop) };
}
