// Types and constants of the image corpus (the cases are in corpus.ts, which re-exports all of this).
import type { QuadrantColours, QuadrantExpectation } from './corpus-colours';

/** Pixel cap of the image sent to the model (the extension's default, ~2 MP). */
export const MAX_INPUT_PIXELS = 2_000_000;

/** Name of the session cookie the cookie-gated page sets (HttpOnly) and its image requires. */
export const SESSION_COOKIE = 'corpus_session';

/** Path of the ~50 MP JPEG the site generates on first request. */
export const HUGE_JPEG_PATH = '/corpus/huge.jpg';

/** Size of the generated JPEG: 8192×6144 = 50.3 MP, 4:3. */
export const HUGE_JPEG_SIZE = { width: 8192, height: 6144 } as const;

/** Loose on purpose until the extension's wording exists: any message that says the file cannot be read. */
export const UNREADABLE_IMAGE = /corrupt|truncated|damaged|incomplete|could ?n[o']t (be )?(read|decoded?)|cannot (be )?(read|decoded?)|not a valid image|unreadable/i;

/** What a correct extension sends: size after the pixel cap, format, and the colours it should show. */
export interface SentImageExpectation {
  width: number;
  height: number;
  /** PNG only when the image has transparency, else JPEG. */
  format: 'image/jpeg' | 'image/png';
  /** Colour expected at the centre of each quadrant of the sent image (checks orientation and the file chosen). */
  quadrants: QuadrantColours<QuadrantExpectation>;
  /** Largest difference allowed per channel (lossy formats and colour conversions shift colours). */
  tolerance: number;
}

/** The clear message a correct extension shows instead of sending anything. */
export interface ErrorExpectation {
  error: RegExp;
}

/** Where the image on a case's page comes from and how it is shown. */
export interface CorpusSource {
  element: 'img' | 'css-background' | 'inline-svg' | 'canvas' | 'video';
  /** How a person reaches it: Chromium's image menu ("Edit with Kontext") or the page menu's picker. */
  menu: 'image' | 'picker';
  /** Which server holds the bytes; `page` when the page makes them (data:, blob:, canvas, inline SVG). */
  origin: 'main' | 'cross' | 'page';
  /** Path (with query) of the bytes the browser shows; absent for `page` origins without a file. */
  file?: string;
  /** Natural size as the browser reports it (after EXIF orientation); 0×0 when it cannot be decoded. */
  width: number;
  height: number;
  /** Path of the file a correct extension reads when it is not the one shown (srcset, data-src). */
  bestFile?: string;
  /** CSS size on the page when not 1:1. */
  displayed?: { width: number; height: number };
}

/** One case of the corpus. */
export interface CorpusCase {
  name: string;
  /** Path of the page on the main origin, for `site.url(page)`. */
  page: string;
  /** Accessible name of the image (`getByRole('img', { name })`). */
  imageName: string;
  source: CorpusSource;
  expect: SentImageExpectation | ErrorExpectation;
  /** What the case is about and which step of the fallback chain can get the bytes. */
  notes: string;
}

/** Largest size with the same aspect ratio and at most `maxPixels` pixels (unchanged when already within). */
export function fitWithin(width: number, height: number, maxPixels = MAX_INPUT_PIXELS): { width: number; height: number } {
  if (width * height <= maxPixels) return { width, height };
  const scale = Math.sqrt(maxPixels / (width * height));
  return { width: Math.floor(width * scale), height: Math.floor(height * scale) };
}
