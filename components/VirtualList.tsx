import { Fragment, useCallback, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { offsetOfRow, visibleWindow } from '../utils/ui/virtual-window';

/** What each rendered row must put on its `<li>`: where it sits in the whole list, for screen readers. */
export interface RowPosition {
  'aria-setsize': number;
  'aria-posinset': number;
}

interface VirtualListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  /** A typical row height in pixels (with the gap), used until a row is measured. */
  estimate: number;
  /** Accessible name of the list. */
  label: string;
  renderItem: (item: T, position: RowPosition) => ReactElement;
  /** Scrolled into view once, when it first appears among the items. */
  scrollToKey?: string;
  /** Changes when the list is filtered: the view goes back to the top. */
  resetKey?: string;
}

const OVERSCAN = 3;

/**
 * Lists up to this long are rendered whole: cheap at that size, and every row stays in the page for
 * find-in-page, screen readers' list navigation and tools that look rows up by their text.
 */
export const RENDER_ALL_UP_TO = 60;

/**
 * A list that renders only the rows in view (and a few more), so thousands of edits cost what a
 * screenful does. Rows are measured as they render (an image loading can change their height); the
 * ones not seen yet count as `estimate`.
 */
export function VirtualList<T>({ items, keyOf, estimate, label, renderItem, scrollToKey, resetKey }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Measured row heights by key; a new map whenever one changes, so the window is worked out again.
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const scrolledTo = useRef<string>(undefined);
  const [seenResetKey, setSeenResetKey] = useState(resetKey);
  if (seenResetKey !== resetKey) {
    setSeenResetKey(resetKey);
    setScrollTop(0);
  }

  const heightOf = useCallback((index: number) => {
    const item = items[index];
    return item === undefined ? undefined : heights.get(keyOf(item));
  }, [items, keyOf, heights]);
  const overscan = items.length <= RENDER_ALL_UP_TO ? items.length : OVERSCAN;
  const range = visibleWindow({ count: items.length, heightOf, estimate, scrollTop, viewport, overscan });

  // Measure the rendered rows after every render, and again whenever one of them changes size.
  useLayoutEffect(() => {
    const ul = list.current;
    if (!ul) return;
    const measure = () => {
      const gap = parseFloat(getComputedStyle(ul).rowGap) || 0;
      const found: [string, number][] = [];
      Array.from(ul.children).forEach((row, offset) => {
        const item = items[range.start + offset];
        const height = (row as HTMLElement).getBoundingClientRect().height + gap;
        if (item !== undefined && height > 0) found.push([keyOf(item), height]);
      });
      setHeights((known) => (found.every(([key, height]) => known.get(key) === height) ? known : new Map([...known, ...found])));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    Array.from(ul.children).forEach((row) => observer.observe(row));
    return () => observer.disconnect();
  });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  // The row a notification points at: bring it into view once it is in the list.
  useLayoutEffect(() => {
    if (!scrollToKey || scrolledTo.current === scrollToKey) return;
    const index = items.findIndex((item) => keyOf(item) === scrollToKey);
    if (index < 0 || !scroller.current) return;
    scrolledTo.current = scrollToKey;
    const top = offsetOfRow(index, heightOf, estimate);
    scroller.current.scrollTop = top;
    setScrollTop(top);
  }, [scrollToKey, items, keyOf, heightOf, estimate]);

  return (
    <div className="virtual-scroll" ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ul className="job-list" aria-label={label} ref={list} style={{ paddingTop: range.before, paddingBottom: range.after }}>
        {items.slice(range.start, range.end).map((item, offset) => (
          <Fragment key={keyOf(item)}>
            {renderItem(item, { 'aria-setsize': items.length, 'aria-posinset': range.start + offset + 1 })}
          </Fragment>
        ))}
      </ul>
    </div>
  );
}

