/**
 * Shows an edit's result in place of a picture on the page, and puts the page's own picture back.
 * Everything touched is saved first (attributes that were absent as absent), so a restore writes the
 * page's exact markup back even when the page's scripts changed the element in between.
 */
import { backgroundImageUrls, splitTopLevel } from './css-url';
import { pictureElementOf } from './image-kind';

/** One element's attributes before we touched them; `null` means the attribute was absent. */
interface SavedAttributes {
  element: Element;
  values: ReadonlyMap<string, string | null>;
}

/** What a replacement changed, enough to undo it exactly. */
export interface SavedPicture {
  /** The picture element itself (the `<img>` of a `<picture>`, the element with the background). */
  element: Element;
  kind: 'img' | 'background';
  saved: readonly SavedAttributes[];
}

export type ReplaceResult = { ok: true; saved: SavedPicture } | { ok: false; message: string };

/** Size of the picture the page showed, for backgrounds drawn at their own size (`background-size: auto`). */
export interface ReplaceOptions {
  originalSize?: { width: number; height: number };
}

const NOT_REPLACEABLE: Record<string, string> = {
  canvas: 'This picture is drawn by the page on a canvas, so it cannot be replaced.',
  video: 'This picture is a video frame, so it cannot be replaced.',
  svg: 'This picture is a drawing made of shapes (SVG), so it cannot be replaced.',
};
const NO_PICTURE = 'This element shows no picture that could be replaced.';
const PSEUDO_BACKGROUND = 'This picture is drawn by the page’s style sheet around the element, so it cannot be replaced.';

/** Replaces the picture `element` shows with the image at `url` (a blob: or data: URL made for the result). */
export function replacePicture(element: Element, url: string, options: ReplaceOptions = {}): ReplaceResult {
  const target = pictureElementOf(element);
  const message = NOT_REPLACEABLE[target.localName];
  if (message) return { ok: false, message };
  const win = target.ownerDocument.defaultView;
  if (!win) return { ok: false, message: NO_PICTURE };
  if (target.localName === 'img') return { ok: true, saved: replaceImg(target as HTMLImageElement, url, win) };
  return replaceBackground(target, url, win, options);
}

/** Puts back every attribute a replacement touched, exactly as it was. */
export function restorePicture(saved: SavedPicture): void {
  for (const { element, values } of saved.saved) {
    for (const [name, value] of values) {
      if (value === null) element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
  }
}

function save(element: Element, names: readonly string[]): SavedAttributes {
  return { element, values: new Map(names.map((name) => [name, element.getAttribute(name)])) };
}

function replaceImg(img: HTMLImageElement, url: string, win: Window): SavedPicture {
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : undefined;
  const sources = picture ? [...picture.querySelectorAll(':scope > source')] : [];
  const saved = [save(img, ['src', 'srcset', 'sizes', 'style']), ...sources.map((source) => save(source, ['srcset']))];

  const size = layoutSize(img, win);
  const objectFit = win.getComputedStyle(img).objectFit;
  // Fixed for the time of the replacement: a result of another pixel size must not reflow the page.
  if (size) {
    img.style.setProperty('width', `${size.width}px`, 'important');
    img.style.setProperty('height', `${size.height}px`, 'important');
  }
  // The page's own fit (a cropped thumbnail) stays; stretching is what we avoid.
  if (!objectFit || objectFit === 'fill') img.style.setProperty('object-fit', 'contain', 'important');
  // A srcset with no candidate is skipped (a <source>) or ignored (the <img>), so `src` is what shows.
  // Emptied rather than removed: the page's markup keeps its attribute order when restored.
  for (const holder of [...sources, img]) if (holder.hasAttribute('srcset')) holder.setAttribute('srcset', '');
  if (img.hasAttribute('sizes')) img.setAttribute('sizes', '');
  img.setAttribute('src', url);
  return { element: img, kind: 'img', saved };
}

/** The content box the image is laid out in now, in CSS pixels; undefined when it is not rendered. */
export function layoutSize(element: Element, win: Window): { width: number; height: number } | undefined {
  const style = win.getComputedStyle(element);
  const px = (value: string | undefined) => (value?.endsWith('px') ? Number.parseFloat(value) : Number.NaN);
  let width = px(style.width);
  let height = px(style.height);
  if (!(width > 0 && height > 0)) {
    // Not resolved to pixels by the engine: the border box, less what lies around the content.
    const rect = element.getBoundingClientRect();
    const around = (a: string, b: string) => (style.boxSizing === 'border-box' ? 0 : (px(style.getPropertyValue(a)) || 0) + (px(style.getPropertyValue(b)) || 0));
    width = rect.width - around('padding-left', 'padding-right') - around('border-left-width', 'border-right-width');
    height = rect.height - around('padding-top', 'padding-bottom') - around('border-top-width', 'border-bottom-width');
  }
  return width > 0 && height > 0 ? { width, height } : undefined;
}

function replaceBackground(element: Element, url: string, win: Window, options: ReplaceOptions): ReplaceResult {
  const style = win.getComputedStyle(element);
  const layers = splitTopLevel(style.backgroundImage ?? '');
  const index = layers.findIndex((layer) => backgroundImageUrls(layer).length > 0);
  if (index < 0) return { ok: false, message: hasPseudoBackground(element, win) ? PSEUDO_BACKGROUND : NO_PICTURE };
  const styled = element as HTMLElement;
  if (!styled.style) return { ok: false, message: NO_PICTURE };
  const saved = [save(element, ['style'])];

  const replaced = layers.map((layer, at) => (at === index ? `url("${url.replace(/["\\\n]/g, (c) => `\\${c}`)}")` : layer.trim()));
  styled.style.setProperty('background-image', replaced.join(', '), 'important');
  // Drawn at its own size, a result of another pixel size would look larger or smaller than the original.
  const sizes = splitTopLevel(style.backgroundSize ?? '');
  const layerSize = (sizes[index] ?? sizes[0] ?? '').trim() || 'auto';
  if (options.originalSize && /^auto( auto)?$/.test(layerSize)) {
    const { width, height } = options.originalSize;
    const all = layers.map((_, at) => (at === index ? `${width}px ${height}px` : (sizes[at] ?? sizes[0] ?? '').trim() || 'auto'));
    styled.style.setProperty('background-size', all.join(', '), 'important');
  }
  return { ok: true, saved: { element, kind: 'background', saved } };
}

function hasPseudoBackground(element: Element, win: Window): boolean {
  return (['::before', '::after'] as const).some((pseudo) => backgroundImageUrls(win.getComputedStyle(element, pseudo).backgroundImage ?? '').length > 0);
}
