// HTML of the corpus pages (tests/fixtures/pages/corpus), one per case of tests/e2e/corpus.ts, written by
// scripts/generate-corpus.ts. Names and sizes come from the case table so pages and tests cannot drift.
import { CORPUS } from '../tests/e2e/corpus';
import type { CorpusCase } from '../tests/e2e/corpus';
import { cssColours, QUADRANTS } from '../tests/e2e/corpus-colours';

/** The classic 1×1 transparent GIF lazy-loading scripts put in `src` until the real image is needed. */
const PLACEHOLDER_GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const markdownCode = (text: string) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');

function layout(title: string, body: string, notes = ''): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escape(title)}</title>
    <link rel="stylesheet" href="corpus.css" />
  </head>
  <body>
    <h1>${escape(title)}</h1>
${notes ? `    <p class="notes">${markdownCode(notes)}</p>\n` : ''}    <main>
${body
  .trim()
  .split('\n')
  .map((line) => `      ${line}`)
  .join('\n')}
    </main>
  </body>
</html>
`;
}

/** `<img>` at its natural size (1:1), with the case's accessible name. */
function image(c: CorpusCase, src: string, extra = ''): string {
  const { width, height } = c.source.displayed ?? c.source;
  return `<img src="${escape(src)}"${extra} width="${width}" height="${height}" alt="${escape(c.imageName)}" />`;
}

/** Four rectangles in the quadrant colours, for the SVG file and the inline SVG. */
export function quadrantRects(width: number, height: number): string {
  const css = cssColours(QUADRANTS);
  const w = width / 2;
  const h = height / 2;
  return [
    `<rect x="0" y="0" width="${w}" height="${h}" fill="${css.topLeft}" />`,
    `<rect x="${w}" y="0" width="${w}" height="${h}" fill="${css.topRight}" />`,
    `<rect x="0" y="${h}" width="${w}" height="${h}" fill="${css.bottomLeft}" />`,
    `<rect x="${w}" y="${h}" width="${w}" height="${h}" fill="${css.bottomRight}" />`,
  ].join('\n');
}

const canvasScript = (width: number, height: number) => {
  const css = cssColours(QUADRANTS);
  return `<script>
  const context = document.getElementById('drawing').getContext('2d');
  const [w, h] = [${width / 2}, ${height / 2}];
  context.fillStyle = '${css.topLeft}'; context.fillRect(0, 0, w, h);
  context.fillStyle = '${css.topRight}'; context.fillRect(w, 0, w, h);
  context.fillStyle = '${css.bottomLeft}'; context.fillRect(0, h, w, h);
  context.fillStyle = '${css.bottomRight}'; context.fillRect(w, h, w, h);
</script>`;
};

type Body = (c: CorpusCase, inline: { dataUrlPng: string }) => string;

// Pages whose image is a plain `<img>` of `source.file` need no entry here.
const BODIES: Record<string, Body> = {
  'cross-origin-jpeg': (c) => image(c, `__CROSS_ORIGIN__${c.source.file}`),
  'hotlink-protected': (c) => image(c, `__CROSS_ORIGIN__${c.source.file}`),
  srcset: (c) => image(c, 'srcset-200.jpg', ' srcset="srcset-200.jpg 200w, srcset-2000.jpg 2000w" sizes="200px"'),
  picture: (c) => `<picture>
  <source type="image/webp" srcset="picture.webp" />
  ${image(c, 'picture-fallback.jpg')}
</picture>`,
  'lazy-data-src': (c) => image(c, PLACEHOLDER_GIF, ' class="lazy" data-src="lazy.jpg"'),
  'data-url': (c, inline) => image(c, inline.dataUrlPng),
  'blob-url': (c) => `<img id="blob-image" width="${c.source.width}" height="${c.source.height}" alt="${escape(c.imageName)}" />
<script type="module">
  // Only this page can read the blob: URL; it stays alive (never revoked) for the extension to read.
  const bytes = await (await fetch('blob-source.png')).blob();
  document.getElementById('blob-image').src = URL.createObjectURL(bytes);
</script>`,
  'inline-svg': (c) => `<svg role="img" aria-label="${escape(c.imageName)}" xmlns="http://www.w3.org/2000/svg" width="${c.source.width}" height="${c.source.height}" viewBox="0 0 ${c.source.width} ${c.source.height}">
${quadrantRects(c.source.width, c.source.height)}
</svg>`,
  'css-background': (c) =>
    `<div role="img" aria-label="${escape(c.imageName)}" class="background" style="width: ${c.source.width}px; height: ${c.source.height}px; background-image: url(background.jpg)"></div>`,
  'under-overlay': (c) => `<div class="stack">
  ${image(c, 'under-overlay.jpg')}
  <!-- Transparent, covers the image: a right-click lands here, not on the <img>. -->
  <div class="overlay"></div>
</div>`,
  canvas: (c) => `<canvas id="drawing" role="img" aria-label="${escape(c.imageName)}" width="${c.source.width}" height="${c.source.height}"></canvas>
${canvasScript(c.source.width, c.source.height)}`,
  video: (c) =>
    `<video role="img" aria-label="${escape(c.imageName)}" src="clip.webm" width="${c.source.width}" height="${c.source.height}" muted playsinline preload="auto"></video>`,
  // No natural size to show it at: keep the broken image's box the size of its siblings.
  'corrupt-jpeg': (c) => `<img src="corrupt.jpg" width="480" height="360" alt="${escape(c.imageName)}" />`,
};

/** File name (in the corpus folder) and HTML of every page, plus the index. */
export function corpusPages(inline: { dataUrlPng: string }): Array<[string, string]> {
  const pages = CORPUS.map((c): [string, string] => {
    const body = BODIES[c.name]?.(c, inline) ?? image(c, c.source.file!.replace('/corpus/', ''));
    const file = new URL(c.page, 'http://x').pathname.replace('/corpus/', '');
    return [file, layout(`Corpus: ${c.name}`, body, c.notes)];
  });
  const links = CORPUS.map((c) => `  <li><a href="${escape(c.page.replace('/corpus/', ''))}">${escape(c.name)}</a>: ${markdownCode(c.notes)}</li>`);
  pages.push(['index.html', layout('Image corpus', `<ul>\n${links.join('\n')}\n</ul>`, 'One page per case of tests/e2e/corpus.ts.')]);
  return pages;
}

/** The stylesheet the pages share: small header, images at natural size, the overlay stack. */
// Whole-pixel line heights keep every image on whole CSS pixels, so a screenshot crop of it is exact.
export const CORPUS_CSS = `body { margin: 8px 16px; font: 14px/20px system-ui, sans-serif; }
h1 { font-size: 18px; line-height: 24px; margin: 0 0 4px; }
.notes { margin: 0 0 8px; color: #444; max-width: 80ch; }
main img, main svg, main canvas, main video, main .background { display: block; }
.stack { position: relative; display: inline-block; }
.overlay { position: absolute; inset: 0; background: transparent; }
`;

