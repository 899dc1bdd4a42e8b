/**
 * Image addresses in a computed `background-image`. Layers are listed top first; gradients and other
 * generated images carry no address. `image-set()` offers one picture at several resolutions: the
 * sharpest comes first.
 */

/** The URLs of the top-most layer that has any (an `image-set()` gives several, sharpest first). */
export function backgroundImageUrls(value: string): string[] {
  for (const layer of splitTopLevel(value)) {
    const urls = layerUrls(layer.trim());
    if (urls.length > 0) return urls;
  }
  return [];
}

function layerUrls(layer: string): string[] {
  const lower = layer.toLowerCase();
  if (lower.startsWith('url(')) {
    const url = readUrlFunction(layer);
    return url ? [url] : [];
  }
  const open = /^(-webkit-)?image-set\(/.exec(lower);
  if (open && layer.endsWith(')')) return imageSetUrls(layer.slice(open[0].length, -1));
  return [];
}

function imageSetUrls(inner: string): string[] {
  const options: { url: string; resolution: number }[] = [];
  for (const option of splitTopLevel(inner)) {
    const text = option.trim();
    let url: string | undefined;
    let rest: string;
    if (/^url\(/i.test(text)) {
      const end = closingParen(text, 3);
      url = readUrlFunction(text.slice(0, end + 1));
      rest = text.slice(end + 1);
    } else if (text.startsWith('"') || text.startsWith("'")) {
      const end = closingQuote(text, 0);
      url = unescapeCss(text.slice(1, end));
      rest = text.slice(end + 1);
    } else {
      continue;
    }
    if (url) options.push({ url, resolution: readResolution(rest) });
  }
  // Array.prototype.sort is stable: equal resolutions keep the author's order.
  return options.sort((a, b) => b.resolution - a.resolution).map((option) => option.url);
}

/** The resolution after an image-set option's image, in dppx (1 when absent or unreadable). */
function readResolution(rest: string): number {
  const match = /(\d*\.?\d+)(x|dppx|dpi|dpcm)\b/i.exec(rest.replace(/type\([^)]*\)/gi, ''));
  if (!match) return 1;
  const number = Number(match[1]);
  const unit = match[2]!.toLowerCase();
  if (unit === 'dpi') return number / 96;
  if (unit === 'dpcm') return (number * 2.54) / 96;
  return number;
}

/** The address inside `url(...)`, quoted or not, with CSS escapes undone. */
function readUrlFunction(text: string): string | undefined {
  const inner = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')).trim();
  if (inner.startsWith('"') || inner.startsWith("'")) {
    return unescapeCss(inner.slice(1, closingQuote(inner, 0))) || undefined;
  }
  return unescapeCss(inner) || undefined;
}

function unescapeCss(text: string): string {
  return text.replace(/\\([0-9a-fA-F]{1,6}\s?|[\s\S])/g, (_, escaped: string) => {
    if (/^[0-9a-fA-F]/.test(escaped) && /^[0-9a-fA-F]{1,6}\s?$/.test(escaped)) {
      return String.fromCodePoint(parseInt(escaped.trim(), 16));
    }
    return escaped === '\n' ? '' : escaped;
  });
}

/** Splits on commas outside parentheses and quotes. */
export function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === '"' || c === "'") i = closingQuote(value, i);
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"' || c === "'") i = closingQuote(text, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return text.length - 1;
}
