/**
 * What the page tells the background about the image the user chose (by right-click or with the
 * picker): where its bytes can be found, best first, and where it sits on screen. Computed by the
 * prompt content script in the page's isolated world, parsed with this schema when it reaches the
 * background (it crosses a trust boundary: a compromised renderer could send anything).
 */
import { z } from 'zod';

/** The kind of element the picture comes from. */
export const TargetElement = z.enum(['img', 'background', 'svg', 'canvas', 'video']);
export type TargetElement = z.infer<typeof TargetElement>;

/** Why a URL was chosen as the best source, for the prompt box ("the largest of 3 sizes"). */
export const SourceReason = z.enum(['srcset', 'picture', 'current', 'lazy', 'src', 'background']);
export type SourceReason = z.infer<typeof SourceReason>;

/** One URL the bytes may be read from, with what the page says of its size. */
export const SourceCandidate = z.object({
  url: z.string().min(1).max(100_000_000),
  reason: SourceReason,
  /** Width in pixels when the page declares it (srcset `w` descriptor, or the natural width once loaded). */
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type SourceCandidate = z.infer<typeof SourceCandidate>;

/** A rectangle in CSS pixels, relative to the frame's viewport. */
export const ViewportRect = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
});
export type ViewportRect = z.infer<typeof ViewportRect>;

export const PageImageTarget = z.object({
  element: TargetElement,
  /** URLs to try in order (best first); empty for svg/canvas/video elements drawn by the page. */
  candidates: z.array(SourceCandidate).max(20),
  /** The element's visible rectangle (clipped to the viewport), for the screenshot fallback. */
  rect: ViewportRect,
  /** The frame's viewport size in CSS pixels, to scale the rectangle onto a screenshot. */
  viewport: z.object({ width: z.number().positive(), height: z.number().positive() }),
  /** Intrinsic size of what is displayed now (naturalWidth, canvas size, videoWidth), when known. */
  natural: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  /** Whether the rectangle is the whole element (false: part of it is scrolled out or covered). */
  fullyVisible: z.boolean(),
});
export type PageImageTarget = z.infer<typeof PageImageTarget>;

/** What reading the element's own pixels in the page gave (the third step of the fallback chain). */
export type PixelReadResult = { dataUri: string; width: number; height: number } | { error: string; tainted?: boolean };
