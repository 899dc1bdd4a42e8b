/**
 * The pictures of this page replaced by results, per job, in the content script's memory only: a
 * reload or a navigation forgets them, which is what keeps a replacement from ever coming back
 * unasked. Kept on the isolated world's global rather than in module state, because the background
 * injects the prompt script again on every menu click and each injection runs a fresh module.
 */
import { dataUriToBlob } from '../image/data-uri';
import { findClickedImage } from './find-clicked-image';
import { replacePicture, restorePicture, type SavedPicture } from './replace-image';

interface Replacement {
  saved: SavedPicture;
  objectUrl: string;
}

interface Registry {
  /** The element of each menu click token, while the page keeps it. */
  targets: Map<string, WeakRef<Element>>;
  byJob: Map<string, Replacement>;
}

const REGISTRY = Symbol.for('edit-with-kontext.replaced-pictures');

type Globals = typeof globalThis & { [REGISTRY]?: Registry };

/** This isolated world's registry, created on first use. */
export function replacementRegistry(globals: object = globalThis): Registry {
  const holder = globals as Globals;
  return (holder[REGISTRY] ??= { targets: new Map(), byJob: new Map() });
}

/** Remembers which element a menu click token chose, so "Replace on page" finds it again. */
export function rememberTarget(token: string, element: Element | undefined, registry = replacementRegistry()): void {
  if (element) registry.targets.set(token, new WeakRef(element));
}

/** The page-side answer to replace and restore requests. */
export type ReplaceReply = { ok: true } | { ok: false; message: string };

/** What replacing needs from the page; tests pass fakes. */
export interface ReplaceDeps {
  doc: Document;
  createObjectUrl(blob: Blob): string;
  revokeObjectUrl(url: string): void;
  /** The natural size of the picture at a URL (for backgrounds drawn at their own size). */
  measure?(url: string): Promise<{ width: number; height: number } | undefined>;
  /** How long to wait for the page to show the result before taking it as shown. */
  loadTimeoutMs?: number;
}

export interface ReplaceRequest {
  jobId: string;
  dataUri: string;
  token?: string;
  srcUrl?: string;
}

/** The message when neither the click's element nor a picture with the job's address is on the page. */
export const PICTURE_GONE = 'The picture is no longer on this page.';
const REFUSED = 'This page does not allow other pictures to be shown in it.';
const NOT_AN_IMAGE = 'The result could not be read as an image.';

/** Shows the job's result in place of its picture; a picture already replaced is first put back. */
export async function replaceOnPage(request: ReplaceRequest, deps: ReplaceDeps, registry = replacementRegistry()): Promise<ReplaceReply> {
  const element = findPicture(request, deps.doc, registry);
  if (!element) return { ok: false, message: PICTURE_GONE };
  let blob: Blob;
  try {
    blob = dataUriToBlob(request.dataUri);
  } catch {
    return { ok: false, message: NOT_AN_IMAGE };
  }
  // What is saved must be the page's own picture, never an earlier result.
  for (const [jobId, replacement] of registry.byJob) {
    if (jobId === request.jobId || replacement.saved.element === element) undo(jobId, deps, registry);
  }
  const originalSize = await measureBackground(element, deps);
  const objectUrl = deps.createObjectUrl(blob);
  // Firefox gives a content script's blob: URLs the script's own principal, which the page may refuse
  // to load; the same bytes as a data: URI it loads (unless its Content-Security-Policy allows neither).
  for (const url of [objectUrl, request.dataUri]) {
    const result = replacePicture(element, url, { originalSize });
    if (!result.ok) {
      deps.revokeObjectUrl(objectUrl);
      return result;
    }
    registry.byJob.set(request.jobId, { saved: result.saved, objectUrl });
    if (result.saved.kind !== 'img' || (await shows(result.saved.element as HTMLImageElement, deps.loadTimeoutMs ?? 3000))) return { ok: true };
    // A broken image is worse than none: the page's own picture goes back before the next try.
    undo(request.jobId, deps, registry);
  }
  return { ok: false, message: REFUSED };
}

/** Puts the page's own picture back; nothing to do (a reload, another result since) is a success too. */
export function restoreOnPage(jobId: string, deps: Pick<ReplaceDeps, 'revokeObjectUrl'>, registry = replacementRegistry()): ReplaceReply {
  undo(jobId, deps, registry);
  return { ok: true };
}

function undo(jobId: string, deps: Pick<ReplaceDeps, 'revokeObjectUrl'>, registry: Registry): void {
  const replacement = registry.byJob.get(jobId);
  if (!replacement) return;
  registry.byJob.delete(jobId);
  restorePicture(replacement.saved);
  deps.revokeObjectUrl(replacement.objectUrl);
}

/** The click's own element while the page keeps it, else the job's earlier replacement, else one showing the address. */
function findPicture(request: ReplaceRequest, doc: Document, registry: Registry): Element | undefined {
  const clicked = request.token ? registry.targets.get(request.token)?.deref() : undefined;
  if (clicked?.isConnected) return clicked;
  const earlier = registry.byJob.get(request.jobId)?.saved.element;
  if (earlier?.isConnected) return earlier;
  return request.srcUrl ? findClickedImage(doc, request.srcUrl) : undefined;
}

async function measureBackground(element: Element, deps: ReplaceDeps): Promise<{ width: number; height: number } | undefined> {
  if (element.localName === 'img' || !deps.measure) return undefined;
  const win = element.ownerDocument.defaultView;
  const url = win ? /url\(\s*["']?([^"')]+)/i.exec(win.getComputedStyle(element).backgroundImage ?? '')?.[1] : undefined;
  return url ? deps.measure(url).catch(() => undefined) : undefined;
}

/** Whether the image loads what it was given (true when it takes longer than the timeout: not refused). */
function shows(img: HTMLImageElement, timeoutMs: number): Promise<boolean> {
  if (img.complete && img.naturalWidth > 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      img.removeEventListener('load', onLoad);
      img.removeEventListener('error', onError);
      clearTimeout(timer);
      resolve(value);
    };
    const onLoad = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(true), timeoutMs);
    img.addEventListener('load', onLoad);
    img.addEventListener('error', onError);
  });
}

/** The live page's blob URLs and image decoding. */
export function livePageDeps(doc: Document): ReplaceDeps {
  return {
    doc,
    createObjectUrl: (blob) => URL.createObjectURL(blob),
    revokeObjectUrl: (url) => URL.revokeObjectURL(url),
    measure: (url) => naturalSizeOf(url, 2000),
  };
}

/** Decodes the picture at `url` (already in the page's cache) for its pixel size; undefined after the timeout. */
function naturalSizeOf(url: string, timeoutMs: number): Promise<{ width: number; height: number } | undefined> {
  const image = new Image();
  image.src = url;
  const decoded = image.decode().then(() => ({ width: image.naturalWidth, height: image.naturalHeight }));
  const late = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs));
  return Promise.race([decoded, late]);
}
