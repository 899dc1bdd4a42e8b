import type { SourceCandidate, SourceReason } from './image-target';
import { isPlaceholderUrl } from './placeholder';
import { rankBySize, type SizedSource } from './rank-candidates';
import { dedupeByUrl, resolveUrl } from './resolve-url';
import { parseSrcset, type SrcsetEntry } from './srcset';

/** How the page around an `<img>` is judged; the defaults read the live window. */
export interface ImgSourceOptions {
  maxPixels: number;
  /** Whether a `<source media>` query applies now. */
  matchesMedia: (query: string) => boolean;
  /** Whether the browser decodes a `<source type>`. */
  isTypeSupported: (mime: string) => boolean;
}

/** Single-URL attributes lazy-loading libraries keep the real address in (lazysizes, lozad, jQuery lazyload…). */
export const LAZY_SRC_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'lazy-src', 'data-lazy'] as const;
export const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset'] as const;
/** The most candidates a target may carry (the schema's limit). */
const MAX_CANDIDATES = 20;

interface Size { width: number; height: number }

/**
 * The addresses an `<img>` (inside a `<picture>` or not) can be read from, best first: the
 * `<source>`/`srcset` size nearest above the cap, `currentSrc`, the lazy-load address when `src` is
 * a stand-in, `src`. Stand-ins are never candidates.
 */
export function imgCandidates(img: HTMLImageElement, options: ImgSourceOptions): SourceCandidate[] {
  const base = img.ownerDocument.baseURI;
  const standIn = isStandIn(img);
  const size = oneXSize(img, standIn);
  const aspect = size ? size.height / size.width : undefined;
  const sized = (entries: SrcsetEntry[], reason: SourceReason): SizedSource[] =>
    entries.map((entry) => withSize(entry, reason, size, aspect));

  const sets = sourceSets(img, options).map(({ value, reason }) => rankBySize(sized(parseSrcset(value), reason), options.maxPixels));
  const lazySets = LAZY_SRCSET_ATTRIBUTES.map((name) => rankBySize(sized(parseSrcset(img.getAttribute(name) ?? ''), 'lazy'), options.maxPixels));
  const lazySingles: SizedSource[] = LAZY_SRC_ATTRIBUTES.map((name) => ({ url: img.getAttribute(name) ?? '', reason: 'lazy' }));
  const lazy = [...lazySets.flat(), ...lazySingles];
  const current: SizedSource[] = [{ url: img.currentSrc, reason: 'current', ...currentPixelSize(img) }];
  const src: SizedSource[] = [{ url: img.getAttribute('src') ?? '', reason: 'src' }];

  const ordered = standIn ? [...sets.flat(), ...lazy, ...current, ...src] : [...sets.flat(), ...current, ...lazy, ...src];
  const resolved = ordered.flatMap(({ url, reason, width, height }): SourceCandidate[] => {
    const absolute = isPlaceholderUrl(url) ? undefined : resolveUrl(url, base);
    if (!absolute) return [];
    return [{ url: absolute, reason, ...(width ? { width } : {}), ...(height ? { height } : {}) }];
  });
  return dedupeByUrl(resolved).slice(0, MAX_CANDIDATES);
}

/**
 * The `srcset`s that apply, the one the browser uses first: each `<source>` of the `<picture>` whose
 * media and type fit (format alternatives of the same picture), then the image's own. A `<source>`
 * whose media does not match is art direction for another screen (another crop): left out.
 */
function sourceSets(img: HTMLImageElement, options: ImgSourceOptions): { value: string; reason: SourceReason }[] {
  const sets: { value: string; reason: SourceReason }[] = [];
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : undefined;
  const sources = picture ? [...picture.children].slice(0, [...picture.children].indexOf(img)).filter((child) => child.localName === 'source') : [];
  // The source the browser chose (the one `currentSrc` comes from) says more than any guess: those
  // before it were skipped, and its type is decodable here even if missing from our list (JPEG XL).
  const base = img.ownerDocument.baseURI;
  const chosen = sources.findIndex((source) => parseSrcset(source.getAttribute('srcset') ?? '').some((entry) => resolveUrl(entry.url, base) === img.currentSrc));
  for (const [index, source] of sources.entries()) {
    if (index < chosen) continue;
    const media = source.getAttribute('media')?.trim();
    const type = source.getAttribute('type')?.trim();
    if (index !== chosen && media && !options.matchesMedia(media)) continue;
    if (index !== chosen && type && !options.isTypeSupported(type.toLowerCase())) continue;
    const srcset = source.getAttribute('srcset');
    if (srcset?.trim()) sets.push({ value: srcset, reason: 'picture' });
    else {
      const lazy = LAZY_SRCSET_ATTRIBUTES.map((name) => source.getAttribute(name)).find((value) => value?.trim());
      if (lazy) sets.push({ value: lazy, reason: 'lazy' });
    }
  }
  const own = img.getAttribute('srcset');
  if (own?.trim()) sets.push({ value: own, reason: 'srcset' });
  return sets;
}

/** Whether what `<img>` shows now is a stand-in waiting for a lazy loader (or a blurry preview of it). */
function isStandIn(img: HTMLImageElement): boolean {
  if (isPlaceholderUrl(img.getAttribute('src'))) return true;
  if (!img.complete || img.naturalWidth === 0) return false;
  if (img.naturalWidth * img.naturalHeight <= 4) return true;
  // A low-quality preview: stretched to four times its width or more.
  return img.getBoundingClientRect().width >= 4 * img.naturalWidth;
}

/**
 * The image's size at density 1, which `x` descriptors multiply: the natural size (browsers report
 * it divided by the chosen density already), else the laid-out size, else the width/height attributes.
 */
function oneXSize(img: HTMLImageElement, standIn: boolean): Size | undefined {
  if (!standIn && img.naturalWidth > 0 && img.naturalHeight > 0) {
    return { width: img.naturalWidth, height: img.naturalHeight };
  }
  const rect = img.getBoundingClientRect();
  if (rect.width > 0 && rect.height > 0) return { width: rect.width, height: rect.height };
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  return width > 0 && height > 0 ? { width, height } : undefined;
}

function withSize(entry: SrcsetEntry, reason: SourceReason, oneX: Size | undefined, aspect: number | undefined): SizedSource {
  if (entry.width !== undefined) {
    return { url: entry.url, reason, width: entry.width, ...(aspect ? { height: Math.max(1, Math.round(entry.width * aspect)) } : {}) };
  }
  const density = entry.density ?? 1;
  if (!oneX) return { url: entry.url, reason, density };
  return { url: entry.url, reason, density, width: Math.max(1, Math.round(oneX.width * density)), height: Math.max(1, Math.round(oneX.height * density)) };
}

/**
 * The pixel size of the file shown now. `naturalWidth` is divided by the density the browser chose
 * from `srcset`, so undo that when `currentSrc` is one of its candidates.
 */
export function currentPixelSize(img: HTMLImageElement): Partial<Size> {
  if (!(img.naturalWidth > 0 && img.naturalHeight > 0)) return {};
  const natural = { width: img.naturalWidth, height: img.naturalHeight };
  const base = img.ownerDocument.baseURI;
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : undefined;
  const srcsets = [...(picture ? [...picture.querySelectorAll('source')].map((s) => s.getAttribute('srcset')) : []), img.getAttribute('srcset')];
  const entry = srcsets
    .flatMap((value) => parseSrcset(value ?? ''))
    .find((candidate) => resolveUrl(candidate.url, base) === img.currentSrc);
  if (entry?.width !== undefined) {
    return { width: entry.width, height: Math.max(1, Math.round((entry.width * natural.height) / natural.width)) };
  }
  const density = entry?.density ?? 1;
  return { width: Math.round(natural.width * density), height: Math.round(natural.height * density) };
}
