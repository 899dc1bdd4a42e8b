/**
 * The arithmetic of the before/after slider: where the divider sits, as a percentage of the picture's
 * width from the left (the original shows left of it, the result right of it).
 */
export const COMPARE_MIN = 0;
export const COMPARE_MAX = 100;
/** Where the divider starts: half and half. */
export const COMPARE_START = 50;
/** One arrow press; Page Up/Down move ten times as far (the WAI-ARIA slider pattern). */
export const ARROW_STEP = 1;
export const PAGE_STEP = 10;

/** Keeps a value inside 0–100, rounded to a whole percent. */
export function clampPercent(value: number): number {
  if (Number.isNaN(value)) return COMPARE_START;
  return Math.min(COMPARE_MAX, Math.max(COMPARE_MIN, Math.round(value)));
}

/** The value after a key press, or undefined for keys the slider does not handle. */
export function sliderValueAfterKey(value: number, key: string): number | undefined {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clampPercent(value - ARROW_STEP);
    case 'ArrowRight':
    case 'ArrowUp':
      return clampPercent(value + ARROW_STEP);
    case 'PageDown':
      return clampPercent(value - PAGE_STEP);
    case 'PageUp':
      return clampPercent(value + PAGE_STEP);
    case 'Home':
      return COMPARE_MIN;
    case 'End':
      return COMPARE_MAX;
    default:
      return undefined;
  }
}

/** The value under a pointer at `clientX` over a box spanning `left`…`left + width`. */
export function sliderValueAtPointer(clientX: number, box: { left: number; width: number }): number {
  if (box.width <= 0) return COMPARE_START;
  return clampPercent(((clientX - box.left) / box.width) * 100);
}

/** What a screen reader says for a value. */
export function sliderValueText(value: number): string {
  if (value <= COMPARE_MIN) return 'All result';
  if (value >= COMPARE_MAX) return 'All original';
  return `${value}% original, ${COMPARE_MAX - value}% result`;
}
