import type { SourceCandidate } from './image-target';

/**
 * Default size cap for choosing among a picture's sizes: 1.5 × the ~2 MP sent to the model, so the
 * chosen file can be scaled down (never up) without downloading a 40 MP original for it.
 */
export const DEFAULT_MAX_PIXELS = 3_000_000;

/** A source before ranking: `density` orders `x` candidates whose pixel size is unknown. */
export type SizedSource = SourceCandidate & { density?: number };

/** Pixel count of a candidate when both its sides are known. */
export function pixelsOf(source: SizedSource): number | undefined {
  return source.width !== undefined && source.height !== undefined ? source.width * source.height : undefined;
}

/**
 * Best first for a picture offered at several sizes: the smallest one at least as large as the cap
 * (enough pixels, fewest bytes), then larger ones, then those below the cap largest first, then the
 * ones of unknown size by declared density. Equal sizes keep the page's order.
 */
export function rankBySize<T extends SizedSource>(sources: readonly T[], maxPixels: number): T[] {
  const sized = sources.filter((source) => pixelsOf(source) !== undefined);
  const pixels = (source: T) => pixelsOf(source)!;
  const enough = sized.filter((source) => pixels(source) >= maxPixels).sort((a, b) => pixels(a) - pixels(b));
  const below = sized.filter((source) => pixels(source) < maxPixels).sort((a, b) => pixels(b) - pixels(a));
  const unknown = sources.filter((source) => pixelsOf(source) === undefined).sort((a, b) => (b.density ?? 0) - (a.density ?? 0));
  return [...enough, ...below, ...unknown];
}
