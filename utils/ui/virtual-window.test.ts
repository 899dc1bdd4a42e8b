import { describe, expect, it } from 'vitest';
import { offsetOfRow, rowOffsets, visibleWindow } from './virtual-window';

const base = { estimate: 100, viewport: 450, overscan: 2, heightOf: () => undefined };

describe('virtual window', () => {
  it('renders only the rows in view and the overscan, with the rest as space', () => {
    const range = visibleWindow({ ...base, count: 1000, scrollTop: 10_000 });
    // Rows 100–104 are in view (10,000–10,449 px); two more either side.
    expect(range).toEqual({ start: 98, end: 107, before: 9_800, after: 100_000 - 10_700, total: 100_000 });
  });

  it('uses measured heights where it has them', () => {
    const heights = [300, 50, 50];
    const range = visibleWindow({ ...base, overscan: 0, count: 10, heightOf: (index) => heights[index], scrollTop: 310, viewport: 100 });
    // Row 1 spans 300–350, row 2 350–400, row 3 400–500: 310–409 shows rows 1 to 3.
    expect(range).toMatchObject({ start: 1, end: 4, before: 300 });
    expect(rowOffsets(3, (index) => heights[index], 100)).toEqual([0, 300, 350, 400]);
    expect(offsetOfRow(2, (index) => heights[index], 100)).toBe(350);
  });

  it('clamps a scroll position past the end (the list shrank under it) to the last rows', () => {
    const range = visibleWindow({ ...base, overscan: 0, count: 10, scrollTop: 99_999 });
    expect(range).toMatchObject({ start: 5, end: 10, after: 0 });
  });

  it('renders nothing for an empty list and everything for a short one', () => {
    expect(visibleWindow({ ...base, count: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0, before: 0, after: 0, total: 0 });
    expect(visibleWindow({ ...base, count: 3, scrollTop: 0 })).toMatchObject({ start: 0, end: 3, before: 0, after: 0 });
  });
});
