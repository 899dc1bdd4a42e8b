/**
 * Which rows of a long list to render: the ones in view and a few either side. Rows may differ in
 * height; a row not measured yet counts as `estimate`, so the scroll range settles as rows are seen.
 */
export interface WindowInput {
  count: number;
  /** Measured height of row `index` (including the gap after it), or undefined when not measured yet. */
  heightOf: (index: number) => number | undefined;
  estimate: number;
  scrollTop: number;
  viewport: number;
  /** Rows rendered beyond each edge of the view, so fast scrolling shows no blank. */
  overscan: number;
}

export interface WindowRange {
  /** First and one-past-last row to render. */
  start: number;
  end: number;
  /** Space above the first rendered row, and below the last. */
  before: number;
  after: number;
  total: number;
}

/** The top offset of every row, and the total height (offsets[count]). */
export function rowOffsets(count: number, heightOf: (index: number) => number | undefined, estimate: number): number[] {
  const offsets = new Array<number>(count + 1);
  offsets[0] = 0;
  for (let index = 0; index < count; index += 1) offsets[index + 1] = offsets[index]! + (heightOf(index) ?? estimate);
  return offsets;
}

/** The first row whose bottom is below `y` (binary search over the offsets). */
function rowAt(offsets: readonly number[], count: number, y: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid + 1]! <= y) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The rows to render for a scroll position (see WindowInput). */
export function visibleWindow(input: WindowInput): WindowRange {
  const { count, heightOf, estimate, scrollTop, viewport, overscan } = input;
  const offsets = rowOffsets(count, heightOf, estimate);
  const total = offsets[count]!;
  if (count === 0) return { start: 0, end: 0, before: 0, after: 0, total };
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, total - viewport));
  const first = rowAt(offsets, count, top);
  const last = rowAt(offsets, count, top + Math.max(viewport, 1) - 1);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, last + 1 + overscan);
  return { start, end, before: offsets[start]!, after: total - offsets[end]!, total };
}

/** The scroll position that shows row `index` at the top of the view. */
export function offsetOfRow(index: number, heightOf: (index: number) => number | undefined, estimate: number): number {
  return rowOffsets(index, heightOf, estimate)[index]!;
}
