/**
 * Preparing the input image of an edit while the user types the instruction, so the prompt box can
 * show what will be sent (size, format, and how it was obtained) and "Start edit" costs no wait.
 *
 * The bytes come from the first step of this chain that works (each step is tried for the best
 * source first, then the next best):
 *
 *   data: URL ─────────────decode────────────────────────────────────┐
 *   http(s) ──background fetch (host access needed)──────────────────┤
 *        └──fetch in the page (its cookies, referrer, blob: URLs)────┤
 *   the element's own pixels, drawn on a canvas in the page ─────────┤ (not when the page's canvas is tainted)
 *   a screenshot of the visible tab, cropped to the element ─────────┤ (top frame, visible part only)
 *                                                                    ▼
 *                                  normalize (orient, scale, strip, re-encode) ─▶ stored per token
 *
 * A decoding failure does not fall through to the next step: a damaged file is reported as such
 * rather than replaced by a screenshot of whatever the browser managed to draw of it.
 */
import { isImageError, ImageError } from './image/errors';
import type { NormalizedImage } from './image/normalize';
import type { NormalizeLimits } from './image/plan';
import type { PageImageTarget, PixelReadResult, SourceCandidate } from './page/image-target';
import type { PrepareInputResult } from './messages';
import type { PreparedSummary, Selection } from './selection-store';
import { dataUriToBlob } from './image/data-uri';

/** How many sources of one picture are tried before the page-pixel and screenshot steps. */
export const MAX_CANDIDATES_TRIED = 3;

/** The image-store id under which a token's prepared input is kept until an edit takes it. */
export function preparedImageId(token: string): string {
  return `prepared-${token}`;
}

/** Where the picture lives, as the chain needs it. */
export type PrepSelection = Pick<Selection, 'srcUrl' | 'tabId' | 'frameId' | 'windowId' | 'pageUrl' | 'target'> & {
  /** The menu click's token: the prompt script answers page messages about its own picture only. */
  token: string;
};

/** The IO of the chain; the background passes the browser's, tests pass fakes. */
export interface InputPrepDeps {
  /** Steps 1–2 for one URL (acquire.ts: data: decode, background fetch, page fetch). */
  acquireUrl(url: string, where: PrepSelection): Promise<{ blob: Blob; via: 'data-url' | 'background-fetch' | 'page-fetch' }>;
  /** Step 3: ask the prompt script to draw the element and answer its pixels. */
  readPixels(where: PrepSelection): Promise<PixelReadResult>;
  /** Step 4: screenshot of the visible tab cropped to the target (PNG). */
  screenshot(where: PrepSelection, target: PageImageTarget): Promise<Blob>;
  normalize(blob: Blob, limits: NormalizeLimits): Promise<NormalizedImage>;
  /** Stores the prepared image (and its thumbnail) under `imageId`. */
  store(imageId: string, image: NormalizedImage): Promise<void>;
}

type Acquired = { blob: Blob; via: PreparedSummary['via']; candidate?: SourceCandidate };

/** Gets the picture's bytes through the chain above; ImageError naming every failed step. */
export async function acquireTarget(where: PrepSelection, deps: InputPrepDeps): Promise<Acquired> {
  const target = where.target;
  // The page's description replaces the menu's URL: it knows better sources, or that there is none (a canvas).
  const candidates: SourceCandidate[] = target
    ? target.candidates.slice(0, MAX_CANDIDATES_TRIED)
    : where.srcUrl ? [{ url: where.srcUrl, reason: 'src' }] : [];
  const failures: ImageError[] = [];
  for (const candidate of candidates) {
    try {
      return { ...(await deps.acquireUrl(candidate.url, where)), candidate };
    } catch (error) {
      failures.push(asImageError(error));
    }
  }
  if (target && target.element !== 'background') {
    const pixels = await deps.readPixels(where).catch((error: unknown): PixelReadResult => ({ error: String(error) }));
    if ('dataUri' in pixels) return { blob: dataUriToBlob(pixels.dataUri), via: 'page-pixels' };
    failures.push(new ImageError('unreachable', pixels.error, { reason: pixels.tainted ? 'the page does not allow reading its pixels' : pixels.error }));
  }
  if (target) {
    try {
      return { blob: await deps.screenshot(where, target), via: 'screenshot' };
    } catch (error) {
      failures.push(asImageError(error));
    }
  }
  throw combine(failures);
}

/** Acquires and prepares the picture of a selection; the summary is what the prompt box shows. */
export async function prepareInput(where: PrepSelection, imageId: string, limits: NormalizeLimits, deps: InputPrepDeps): Promise<PreparedSummary> {
  const acquired = await acquireTarget(where, deps);
  const normalized = await deps.normalize(acquired.blob, limits);
  await deps.store(imageId, normalized);
  return summarize(normalized, acquired);
}

/** The prompt box's description of a prepared image. */
export function summarize(image: NormalizedImage, acquired: Pick<Acquired, 'via' | 'candidate'>): PreparedSummary {
  // Pixels read from the page or the screen come as PNG whatever the file was: converting them is no news.
  const drawn = acquired.via === 'screenshot' || acquired.via === 'page-pixels';
  const notes = image.notes.filter((note) => !(drawn && note.startsWith('Converted PNG')));
  if (acquired.via === 'screenshot') {
    notes.unshift(`The image could not be downloaded, so a screenshot of its visible part was used (${image.sourceWidth}×${image.sourceHeight}).`);
  } else if (acquired.via === 'page-pixels') {
    notes.unshift('Read from the picture as the page shows it.');
  } else if (acquired.candidate && (acquired.candidate.reason === 'srcset' || acquired.candidate.reason === 'picture')) {
    notes.unshift(`The largest version the page offers was used (${image.sourceWidth}×${image.sourceHeight}).`);
  } else if (acquired.candidate?.reason === 'lazy') {
    notes.unshift('The full image behind a lazy-loading placeholder was used.');
  }
  return {
    width: image.width,
    height: image.height,
    bytes: image.blob.size,
    type: image.type,
    via: acquired.via,
    sourceWidth: image.sourceWidth,
    sourceHeight: image.sourceHeight,
    sourceType: image.sourceType,
    notes,
  };
}

/** The prompt box's message for a picture that could not be prepared. */
export function prepareFailure(error: unknown): PrepareInputResult {
  if (isImageError(error)) return { ok: false, message: error.message };
  return { ok: false, message: `The image could not be prepared: ${error instanceof Error ? error.message : String(error)}.` };
}

function asImageError(error: unknown): ImageError {
  if (error instanceof ImageError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ImageError('unreachable', reason, { cause: error });
}

function combine(failures: ImageError[]): ImageError {
  if (failures.length === 0) return new ImageError('unreachable', 'No picture was found there to edit.');
  if (failures.length === 1) return failures[0]!;
  // The first failure names the host and the download reasons; the later steps say why they could not help.
  const [first, ...rest] = failures;
  const code = failures.some((f) => f.code === 'too-large') ? 'too-large' : first!.code;
  const also = rest.map((f) => f.reason).join('; ');
  return new ImageError(code, `${first!.message.replace(/\.$/, '')}. Also tried: ${also}.`, { reason: first!.reason, cause: failures });
}

