/**
 * `srcset` parsing, after the HTML standard's algorithm ("parse a srcset attribute") but forgiving:
 * a candidate with a broken descriptor is dropped, the rest are kept. URLs may contain commas
 * (image CDNs such as `w_400,h_300`), so a comma only ends a candidate after whitespace or at the
 * URL's very end.
 */

/** One candidate of a `srcset`: its URL (unresolved) and what it declares of its size. */
export interface SrcsetEntry {
  url: string;
  /** `w` descriptor: the file's width in pixels. */
  width?: number;
  /** `x` descriptor (1 when there is no descriptor at all). */
  density?: number;
}

const SPACE = /[\t\n\f\r ]/;

/** The candidates of a `srcset` attribute value, in the order written. */
export function parseSrcset(value: string): SrcsetEntry[] {
  const entries: SrcsetEntry[] = [];
  let pos = 0;
  while (pos < value.length) {
    while (pos < value.length && (SPACE.test(value[pos]!) || value[pos] === ',')) pos++;
    if (pos >= value.length) break;
    const start = pos;
    while (pos < value.length && !SPACE.test(value[pos]!)) pos++;
    let url = value.slice(start, pos);
    let descriptors: string[] = [];
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const end = descriptorsEnd(value, pos);
      descriptors = value.slice(pos, end).trim().split(/[\t\n\f\r ]+/).filter(Boolean);
      pos = end + 1;
    }
    const entry = readDescriptors(url, descriptors);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Index of the comma that ends the descriptors (commas inside parentheses do not), or the end. */
function descriptorsEnd(value: string, from: number): number {
  let depth = 0;
  for (let i = from; i < value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) return i;
  }
  return value.length;
}

function readDescriptors(url: string, descriptors: string[]): SrcsetEntry | undefined {
  if (!url) return undefined;
  const entry: SrcsetEntry = { url };
  for (const descriptor of descriptors) {
    const unit = descriptor.slice(-1).toLowerCase();
    const number = Number(descriptor.slice(0, -1));
    if (unit === 'w' && entry.width === undefined && entry.density === undefined && Number.isInteger(number) && number > 0) {
      entry.width = number;
    } else if (unit === 'x' && entry.width === undefined && entry.density === undefined && Number.isFinite(number) && number > 0) {
      entry.density = number;
    } else if (unit === 'h' && Number.isInteger(number) && number > 0) {
      // A height descriptor only qualifies a width one; nothing to keep.
    } else {
      return undefined;
    }
  }
  if (entry.width === undefined && entry.density === undefined) entry.density = 1;
  return entry;
}
