/**
 * The image corpus (tests/fixtures/pages/corpus, served by static-site.ts): one page per case, each with
 * one image whose accessible name is `imageName`, and what a correct extension sends for it.
 *
 *   for (const c of CORPUS) {
 *     await page.goto(site.url(c.page));
 *     const image = page.getByRole('img', { name: c.imageName });
 *     // … edit it, read the input image the double received, decode it (tests/double/image-codec.ts) …
 *     expect(sentImageProblems(raster, format, c.expect)).toEqual([]);   // from ./corpus-check
 *   }
 *
 * Every image is four flat quadrants (corpus-colours.ts); decoys use other colours. Pages show each image at
 * its natural size (1:1 at device scale 1) unless `source.displayed` says otherwise, so a screenshot of the
 * visible element gives the same pixels as the file. Regenerate the committed files with
 * `npx tsx scripts/generate-corpus.ts`; the ~50 MP JPEG is made by the site at test time.
 */
import { DECOY_QUADRANTS, QUADRANTS, rotateClockwise } from './corpus-colours';
import type { QuadrantColours, QuadrantExpectation } from './corpus-colours';
import { fitWithin, HUGE_JPEG_SIZE, SESSION_COOKIE, UNREADABLE_IMAGE } from './corpus-types';
import type { CorpusCase, CorpusSource, SentImageExpectation } from './corpus-types';

export * from './corpus-types';

function sends(
  width: number,
  height: number,
  options: { format?: SentImageExpectation['format']; quadrants?: QuadrantColours<QuadrantExpectation>; tolerance?: number } = {},
): SentImageExpectation {
  return { ...fitWithin(width, height), format: options.format ?? 'image/jpeg', quadrants: options.quadrants ?? QUADRANTS, tolerance: options.tolerance ?? 32 };
}

const img = (file: string, width: number, height: number, origin: 'main' | 'cross' = 'main'): CorpusSource => ({
  element: 'img',
  menu: 'image',
  origin,
  file: `/corpus/${file}`,
  width,
  height,
});

/** The cases, in the order of the list. */
export const CORPUS: readonly CorpusCase[] = [
  {
    name: 'same-origin-png',
    page: '/corpus/same-origin-png.html',
    imageName: 'Same-origin PNG test image',
    source: img('same-origin.png', 640, 480),
    expect: sends(640, 480),
    notes: 'Opaque PNG from the page’s own origin: sent as JPEG (no transparency).',
  },
  {
    name: 'cross-origin-jpeg',
    page: '/corpus/cross-origin-jpeg.html',
    imageName: 'Cross-origin JPEG test image',
    source: img('cross-origin.jpg', 600, 450, 'cross'),
    expect: sends(600, 450),
    notes: 'Other origin, no CORS headers: a page fetch and a canvas read fail; background fetch with host access, else a screenshot (shown 1:1).',
  },
  {
    name: 'hotlink-protected',
    page: '/corpus/hotlink-protected.html',
    imageName: 'Hotlink-protected test image',
    source: img('hotlink.jpg?hotlink=1&cors=1', 560, 420, 'cross'),
    expect: sends(560, 420),
    notes: 'Other origin answers 403 unless the Referer is a page of the main origin; it allows CORS, so a fetch from the page works where a background fetch gets 403.',
  },
  {
    name: 'cookie-gated',
    page: `/corpus/cookie-gated.html?setcookie=${SESSION_COOKIE}`,
    imageName: 'Cookie-gated test image',
    source: img(`cookie-gated.jpg?cookie=${SESSION_COOKIE}`, 520, 390),
    expect: sends(520, 390),
    notes: 'The page response sets an HttpOnly session cookie; the image answers 403 without it (scripts cannot copy it).',
  },
  {
    name: 'srcset',
    page: '/corpus/srcset.html',
    imageName: 'Responsive srcset test image',
    source: { ...img('srcset-200.jpg', 200, 100), bestFile: '/corpus/srcset-2000.jpg' },
    expect: sends(2000, 1000),
    notes: '`src` and the chosen candidate are a 200×100 decoy; the 2000w candidate (/corpus/srcset-2000.jpg, never loaded by the page) is the one to send.',
  },
  {
    name: 'picture',
    page: '/corpus/picture.html',
    imageName: 'Picture element test image',
    source: img('picture.webp', 640, 400),
    expect: sends(640, 400),
    notes: '`<picture>` with a WebP `<source>` (chosen, 640×400) and a 320×200 JPEG fallback decoy.',
  },
  {
    name: 'lazy-data-src',
    page: '/corpus/lazy-data-src.html',
    imageName: 'Lazy-loaded test image',
    source: { element: 'img', menu: 'image', origin: 'page', width: 1, height: 1, bestFile: '/corpus/lazy.jpg', displayed: { width: 480, height: 360 } },
    expect: sends(480, 360),
    notes: '`src` is a 1×1 GIF placeholder; the real image is in `data-src` (/corpus/lazy.jpg, 480×360) and never loaded by the page.',
  },
  {
    name: 'data-url',
    page: '/corpus/data-url.html',
    imageName: 'Data URL test image',
    source: { element: 'img', menu: 'image', origin: 'page', width: 160, height: 120 },
    expect: sends(160, 120),
    notes: 'Opaque PNG inlined as a `data:` URL: decoded directly, no fetch.',
  },
  {
    name: 'blob-url',
    page: '/corpus/blob-url.html',
    imageName: 'Blob URL test image',
    source: { element: 'img', menu: 'image', origin: 'page', width: 400, height: 300 },
    expect: sends(400, 300),
    notes: 'The page fetches /corpus/blob-source.png and shows it through `URL.createObjectURL`: only the page can read a `blob:` URL.',
  },
  {
    name: 'svg-file',
    page: '/corpus/svg-file.html',
    imageName: 'SVG file test image',
    source: img('vector.svg', 480, 360),
    expect: sends(1024, 768),
    notes: '`.svg` through `<img>`, 480×360 intrinsic size, opaque: a vector has no pixel size, so it is rasterised with its long side at 1024 px (the model works at about 1 MP).',
  },
  {
    name: 'inline-svg',
    page: '/corpus/inline-svg.html',
    imageName: 'Inline SVG test image',
    source: { element: 'inline-svg', menu: 'picker', origin: 'page', width: 480, height: 360 },
    expect: sends(1024, 768),
    notes: 'An `<svg role="img">` element in the page, 480×360: reached through the picker, rasterised like an SVG file (long side 1024 px).',
  },
  {
    name: 'webp',
    page: '/corpus/webp.html',
    imageName: 'WebP test image',
    source: img('photo.webp', 640, 480),
    expect: sends(640, 480),
    notes: 'Lossy WebP, sent as JPEG.',
  },
  {
    name: 'avif',
    page: '/corpus/avif.html',
    imageName: 'AVIF test image',
    source: img('photo.avif', 640, 480),
    expect: sends(640, 480),
    notes: 'AVIF (the model refuses it), sent as JPEG.',
  },
  {
    name: 'exif-rotated',
    page: '/corpus/exif-rotated.html',
    imageName: 'EXIF-rotated test image',
    source: img('exif-rotated.jpg', 480, 640),
    expect: sends(480, 640, { quadrants: rotateClockwise(QUADRANTS) }),
    notes: 'Stored 640×480 with red top-left and EXIF orientation 6 (plus GPS and camera tags): displayed 480×640 with red top-right. No EXIF may be sent.',
  },
  {
    name: 'huge-jpeg',
    page: '/corpus/huge-jpeg.html',
    imageName: 'Fifty-megapixel test image',
    source: { ...img('huge.jpg', HUGE_JPEG_SIZE.width, HUGE_JPEG_SIZE.height), displayed: { width: 512, height: 384 } },
    expect: sends(HUGE_JPEG_SIZE.width, HUGE_JPEG_SIZE.height),
    notes: '8192×6144 baseline JPEG generated by the site (quadrant-jpeg.ts, ~0.2 s): scaled down to the cap without exhausting memory.',
  },
  {
    name: 'animated-gif',
    page: '/corpus/animated-gif.html',
    imageName: 'Animated GIF test image',
    source: img('animated.gif', 320, 240),
    expect: sends(320, 240),
    notes: 'Two frames, looping: the first (quadrants) shows 0.1 s, the second (decoy colours) 2 s. The first frame is sent.',
  },
  {
    name: 'cmyk-jpeg',
    page: '/corpus/cmyk-jpeg.html',
    imageName: 'CMYK JPEG test image',
    source: img('cmyk.jpg', 480, 360),
    expect: sends(480, 360, { tolerance: 48 }),
    notes: 'Adobe CMYK JPEG without a colour profile: colours come back approximately.',
  },
  {
    name: 'png-16-bit',
    page: '/corpus/png-16-bit.html',
    imageName: 'Sixteen-bit PNG test image',
    source: img('deep-colour.png', 480, 360),
    expect: sends(480, 360),
    notes: '16 bits per channel RGB PNG, opaque: sent as 8-bit JPEG.',
  },
  {
    name: 'png-palette',
    page: '/corpus/png-palette.html',
    imageName: 'Palette PNG test image',
    source: img('palette.png', 480, 360),
    expect: sends(480, 360),
    notes: 'Indexed-colour PNG (4-colour palette, no transparency): sent as JPEG.',
  },
  {
    name: 'png-alpha',
    page: '/corpus/png-alpha.html',
    imageName: 'Transparent PNG test image',
    source: img('transparent.png', 480, 360),
    expect: sends(480, 360, { format: 'image/png', quadrants: { ...QUADRANTS, bottomRight: 'transparent' } }),
    notes: 'RGBA PNG whose bottom-right quadrant is fully transparent: stays PNG with its alpha.',
  },
  {
    name: 'css-background',
    page: '/corpus/css-background.html',
    imageName: 'CSS background test image',
    source: { ...img('background.jpg', 600, 400), element: 'css-background', menu: 'picker' },
    expect: sends(600, 400),
    notes: 'A `<div role="img">` whose CSS `background-image` is the picture: reached through the picker.',
  },
  {
    name: 'under-overlay',
    page: '/corpus/under-overlay.html',
    imageName: 'Test image under an overlay',
    // Chromium's own image menu sees through a transparent overlay; the picker is what other browsers need.
    source: { ...img('under-overlay.jpg', 480, 360), menu: 'picker' },
    expect: sends(480, 360),
    notes: 'An `<img>` covered by a transparent `<div>`: a right-click hits the div, so it is reached through the picker.',
  },
  {
    name: 'canvas',
    page: '/corpus/canvas.html',
    imageName: 'Canvas test image',
    source: { element: 'canvas', menu: 'picker', origin: 'page', width: 480, height: 360 },
    expect: sends(480, 360),
    notes: 'A `<canvas role="img">` drawn by the page’s script.',
  },
  {
    name: 'video',
    page: '/corpus/video.html',
    imageName: 'Video test image',
    source: { element: 'video', menu: 'picker', origin: 'main', file: '/corpus/clip.webm', width: 320, height: 240 },
    expect: sends(320, 240, { tolerance: 40 }),
    notes: 'A paused `<video role="img">` (VP9 WebM, 1 s, every frame the quadrants): its current frame is sent.',
  },
  {
    name: 'corrupt-jpeg',
    page: '/corpus/corrupt-jpeg.html',
    imageName: 'Corrupt JPEG test image',
    source: img('corrupt.jpg', 0, 0),
    expect: { error: UNREADABLE_IMAGE },
    notes: 'A JPEG cut off in its headers: the browser cannot show it either. A clear message, nothing sent.',
  },
  {
    name: 'truncated-jpeg',
    page: '/corpus/truncated-jpeg.html',
    imageName: 'Truncated JPEG test image',
    source: img('truncated.jpg', 480, 360),
    expect: { error: UNREADABLE_IMAGE },
    notes: 'A JPEG cut off halfway through its pixel data: the page shows the top part, `createImageBitmap` rejects it. A clear message, not half an image.',
  },
];

/** The decoy colours, for tests that assert a decoy was not what got sent. */
export { DECOY_QUADRANTS, QUADRANTS };

/** The case named `name` (throws on a typo). */
export function corpusCase(name: string): CorpusCase {
  const found = CORPUS.find((c) => c.name === name);
  if (!found) throw new Error(`no corpus case "${name}"; known: ${CORPUS.map((c) => c.name).join(', ')}`);
  return found;
}

/** True when the case expects an image to be sent (not an error). */
export function expectsImage(c: CorpusCase): c is CorpusCase & { expect: SentImageExpectation } {
  return !('error' in c.expect);
}
