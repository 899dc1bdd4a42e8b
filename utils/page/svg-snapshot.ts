/**
 * An inline `<svg>` as a standalone SVG document, ready to load as an image. An image document sees
 * none of the page's stylesheets and none of its other elements, so the computed paint of each
 * element is written onto it, and the sprites and gradients it refers to elsewhere in the page
 * (`<use href="#icon">`, `fill: url(#grad)`) are copied into it.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
/** Inherited: written where they differ from the parent's, and always on the root. */
const INHERITED = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'color', 'visibility', 'font-family', 'font-size', 'font-weight',
  'font-style', 'text-anchor', 'dominant-baseline', 'clip-rule', 'paint-order',
];
/** Past this many elements styles are not inlined: the snapshot stays quick on huge charts. */
const MAX_STYLED = 3000;
const MAX_COPIED_REFERENCES = 200;

/** A serialized SVG document and the size it is shown at in the page (CSS pixels). */
export interface SvgSnapshot { markup: string; width: number; height: number }

/** The `<svg>` as a standalone document at its displayed size, with its page styling inlined. */
export function snapshotSvg(svg: Element): SvgSnapshot {
  const doc = svg.ownerDocument;
  const win = doc.defaultView;
  const { width, height } = displayedSize(svg);
  const clone = svg.cloneNode(true) as Element;
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (win) inlineStyles(svg, clone, win);
  copyReferences(clone, doc);
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

function displayedSize(svg: Element): { width: number; height: number } {
  const rect = svg.getBoundingClientRect();
  const viewBox = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const pick = (shown: number, attribute: string | null, fromViewBox: number | undefined, fallback: number) =>
    [shown, parseFloat(attribute ?? ''), fromViewBox ?? NaN, fallback].find((n) => Number.isFinite(n) && n > 0)!;
  return {
    width: Math.round(pick(rect.width, svg.getAttribute('width'), viewBox[2], 300)),
    height: Math.round(pick(rect.height, svg.getAttribute('height'), viewBox[3], 150)),
  };
}

function inlineStyles(original: Element, clone: Element, win: Window): void {
  const originals = [original, ...original.querySelectorAll('*')];
  const clones = [clone, ...clone.querySelectorAll('*')];
  if (originals.length > MAX_STYLED || originals.length !== clones.length) return;
  const computed = new Map<Element, CSSStyleDeclaration>(originals.map((element) => [element, win.getComputedStyle(element)]));
  originals.forEach((element, index) => {
    const style = computed.get(element)!;
    const parent = element === original ? undefined : computed.get(element.parentElement!);
    const target = (clones[index] as SVGElement).style;
    for (const name of INHERITED) {
      const value = style.getPropertyValue(name);
      if (value && value !== parent?.getPropertyValue(name)) target.setProperty(name, localReferences(value));
    }
    if (style.getPropertyValue('display') === 'none') target.setProperty('display', 'none');
    const opacity = style.getPropertyValue('opacity');
    if (opacity && opacity !== '1') target.setProperty('opacity', opacity);
    if (element.localName === 'stop') {
      for (const name of ['stop-color', 'stop-opacity']) {
        const value = style.getPropertyValue(name);
        if (value) target.setProperty(name, value);
      }
    }
  });
}

/** `url("https://page/#grad")` (how computed styles spell it) back to `url(#grad)`. */
function localReferences(value: string): string {
  return value.replace(/url\(\s*["']?[^"')#]*#([^"')]+)["']?\s*\)/g, 'url(#$1)');
}

/** Copies into a `<defs>` the elements the snapshot points at by id but does not contain. */
function copyReferences(clone: Element, doc: Document): void {
  const present = new Set([clone, ...clone.querySelectorAll('[id]')].map((element) => element.id).filter(Boolean));
  let defs: Element | undefined;
  const queue = [clone];
  let copied = 0;
  while (queue.length > 0 && copied < MAX_COPIED_REFERENCES) {
    for (const id of referencedIds(queue.shift()!)) {
      if (present.has(id)) continue;
      present.add(id);
      const source = doc.getElementById(id);
      if (!source || source.namespaceURI !== SVG_NS) continue;
      defs ??= clone.insertBefore(doc.createElementNS(SVG_NS, 'defs'), clone.firstChild);
      const copy = source.cloneNode(true) as Element;
      defs.append(copy);
      queue.push(copy);
      copied++;
    }
  }
}

function referencedIds(root: Element): string[] {
  const ids: string[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of element.attributes) {
      const href = attribute.localName === 'href' && (attribute.namespaceURI === null || attribute.namespaceURI === XLINK_NS);
      if (href && attribute.value.startsWith('#')) ids.push(attribute.value.slice(1));
      for (const match of attribute.value.matchAll(/url\(\s*["']?#([^"')]+)["']?\s*\)/g)) ids.push(match[1]!);
    }
  }
  return ids;
}
