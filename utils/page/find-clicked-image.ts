import { backgroundUrlsOf } from './image-kind';
import { LAZY_SRC_ATTRIBUTES, LAZY_SRCSET_ATTRIBUTES } from './img-candidates';
import { resolveUrl } from './resolve-url';
import { parseSrcset } from './srcset';

/**
 * The element the context menu was opened on, found again from the menu's `srcUrl` (the content
 * script is injected after the click, so it never saw the event): an `<img>` showing or declaring
 * that address (src, currentSrc, srcset, its `<picture>` sources, lazy-load attributes), a
 * `<video>` playing it or showing it as poster, else an element with that CSS background. Among
 * several, one inside the viewport wins, then one that is laid out (pages keep hidden copies).
 */
export function findClickedImage(doc: Document, srcUrl: string): Element | undefined {
  const wanted = resolveUrl(srcUrl, doc.baseURI) ?? srcUrl;
  const base = doc.baseURI;
  const is = (raw: string | null | undefined) => raw != null && resolveUrl(raw, base) === wanted;

  const images = [...doc.querySelectorAll('img')].filter((img) => img.currentSrc === wanted || is(img.getAttribute('src')) || declares(img, is));
  const videos = [...doc.querySelectorAll('video')].filter((video) =>
    video.currentSrc === wanted || is(video.getAttribute('src')) || is(video.getAttribute('poster'))
    || [...video.querySelectorAll('source')].some((source) => is(source.getAttribute('src'))));
  const direct = [...images, ...videos];
  if (direct.length > 0) return mostVisible(direct);

  const win = doc.defaultView;
  if (!win) return undefined;
  const backgrounds = [...doc.querySelectorAll('*')].filter((element) => backgroundUrlsOf(element, win).some(is));
  return mostVisible(backgrounds);
}

/** Whether one of the srcsets (own, `<picture>` sources, lazy) or lazy attributes of the image names the address. */
function declares(img: HTMLImageElement, is: (raw: string) => boolean): boolean {
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : undefined;
  const holders: Element[] = [img, ...(picture ? picture.querySelectorAll('source') : [])];
  return holders.some((holder) =>
    ['srcset', ...LAZY_SRCSET_ATTRIBUTES].some((name) => parseSrcset(holder.getAttribute(name) ?? '').some((entry) => is(entry.url))))
    || LAZY_SRC_ATTRIBUTES.some((name) => is(img.getAttribute(name) ?? ''));
}

/** The first element inside the viewport, else the first laid out, else the first. */
function mostVisible(elements: Element[]): Element | undefined {
  const win = elements[0]?.ownerDocument.defaultView;
  const score = (element: Element) => {
    const rect = element.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return 0;
    const inView = win && rect.right > 0 && rect.bottom > 0 && rect.left < win.innerWidth && rect.top < win.innerHeight;
    return inView ? 2 : 1;
  };
  let best: Element | undefined;
  let bestScore = -1;
  for (const element of elements) {
    const value = score(element);
    if (value > bestScore) [best, bestScore] = [element, value];
  }
  return best;
}
