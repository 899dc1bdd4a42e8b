/** Elements whose box is filled by content the page does not style: pictures, frames, plugins. */
const REPLACED = new Set(['img', 'video', 'canvas', 'svg', 'iframe', 'embed', 'object', 'picture']);

/** The alpha of a computed CSS colour (`rgb()`/`rgba()`, space or comma syntax), 1 for other forms. */
export function colorAlpha(value: string): number {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'transparent') return 0;
  const match = /^(?:rgba?|hsla?)\((.*)\)$/.exec(text);
  if (!match) return 1;
  const parts = match[1]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 4) return 1;
  const alpha = parts[3]!;
  const number = alpha.endsWith('%') ? Number(alpha.slice(0, -1)) / 100 : Number(alpha);
  return Number.isFinite(number) ? number : 1;
}

/**
 * Whether the element paints over what lies beneath it (so a screenshot of that spot shows it, not
 * the picture): a visible background colour or image, or replaced content. A transparent link or
 * click-catcher laid over a picture does not.
 */
export function paintsOver(element: Element, win: Window): boolean {
  const style = win.getComputedStyle(element);
  if (Number(style.opacity || '1') < 0.05 || style.visibility === 'hidden') return false;
  if (REPLACED.has(element.localName)) return true;
  if (colorAlpha(style.backgroundColor ?? '') > 0.05) return true;
  // Any image function (url, gradient, image-set); keywords such as `none` draw nothing.
  return (style.backgroundImage ?? '').includes('(');
}
