import { imageKindOf, isOwnUi, pictureElementOf } from './image-kind';

/** Pictures smaller than this on either side (icons, spacers, tracking pixels) are not offered. */
export const MIN_CANDIDATE_SIZE = 24;
/** Open shadow roots nested deeper than this are not searched (a guard against pathological pages). */
const MAX_SHADOW_DEPTH = 8;

type HitTestRoot = Pick<Document, 'elementsFromPoint'>;

/**
 * The pictures stacked under a viewport point, top first: every `<img>`, `<svg>`, `<canvas>`,
 * `<video>` and element with a background image hit there, including those under transparent
 * overlays and inside open shadow roots. The extension's own UI (`kontext-*` hosts, and whatever
 * `ignore` says) and pictures under 24 px are left out.
 */
export function imageCandidatesAt(doc: Document, x: number, y: number, ignore: (element: Element) => boolean = () => false): Element[] {
  const win = doc.defaultView;
  if (!win) return [];
  const found: Element[] = [];
  const seen = new Set<Element>();
  const searched = new Set<HitTestRoot>();

  const visit = (root: HitTestRoot, depth: number) => {
    if (searched.has(root) || typeof root.elementsFromPoint !== 'function') return;
    searched.add(root);
    for (const hit of root.elementsFromPoint(x, y)) {
      if (isOwnUi(hit) || ignore(hit)) continue;
      // A component's own pictures are painted above its host: look inside first.
      if (hit.shadowRoot && depth < MAX_SHADOW_DEPTH) visit(hit.shadowRoot, depth + 1);
      const picture = pictureElementOf(hit);
      if (seen.has(picture)) continue;
      seen.add(picture);
      if (isLargeEnough(picture) && imageKindOf(picture, win)) found.push(picture);
    }
  };
  visit(doc, 0);
  return found;
}

function isLargeEnough(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.width >= MIN_CANDIDATE_SIZE && rect.height >= MIN_CANDIDATE_SIZE;
}
