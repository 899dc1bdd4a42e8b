/**
 * Writes the image corpus (tests/fixtures/pages/corpus; cases in tests/e2e/corpus.ts), committed:
 *   npx tsx scripts/generate-corpus.ts
 * PNG, JPEG, SVG and the pages are made here in JavaScript. WebP, AVIF, the animated GIF, the CMYK JPEG
 * and the WebM need Debian tools that only this script uses, never the tests:
 *   apt-get install -y imagemagick webp libavif-bin ffmpeg
 * Without them those files are left as committed (and the script says so). The ~50 MP JPEG is not here:
 * the static site generates it at test time (tests/e2e/quadrant-jpeg.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { corpusPages, CORPUS_CSS, quadrantRects } from './corpus-pages';
import { encodeDeepPng, encodePalettePng, exifSegment } from './corpus-encoders';
import { DECOY_QUADRANTS, QUADRANTS, quadrantAt } from '../tests/e2e/corpus-colours';
import type { QuadrantColours } from '../tests/e2e/corpus-colours';

const OUT_DIR = path.resolve(import.meta.dirname, '../tests/fixtures/pages/corpus');
const TMP = mkdtempSync(path.join(os.tmpdir(), 'corpus-'));

/** RGBA pixels of four flat quadrants; `transparent` empties the bottom-right one. */
function quadrantPixels(width: number, height: number, q: QuadrantColours = QUADRANTS, transparent = false): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const clear = transparent && x >= width / 2 && y >= height / 2;
      data.set(clear ? [0, 0, 0, 0] : [...quadrantAt(q, width, height, x, y), 255], (y * width + x) * 4);
    }
  }
  return data;
}

function png(width: number, height: number, q = QUADRANTS, transparent = false): Buffer {
  const image = new PNG({ width, height, colorType: transparent ? 6 : 2 });
  image.data = quadrantPixels(width, height, q, transparent);
  return PNG.sync.write(image, { colorType: transparent ? 6 : 2, deflateLevel: 9 });
}

function jpg(width: number, height: number, q = QUADRANTS): Buffer {
  return jpeg.encode({ width, height, data: quadrantPixels(width, height, q) }, 90).data;
}

function write(name: string, bytes: Buffer | string): void {
  writeFileSync(path.join(OUT_DIR, name), bytes);
  console.log(`${name}: ${Buffer.byteLength(bytes)} bytes`);
}

/** Runs a tool that turns `input` (written to a temp file) into the corpus file `name`; skips when it is missing. */
function viaTool(name: string, input: Buffer, command: (inFile: string, outFile: string) => [string, string[]]): void {
  const inFile = path.join(TMP, `in-${name}.png`);
  const outFile = path.join(TMP, name);
  writeFileSync(inFile, input);
  const [tool, args] = command(inFile, outFile);
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    console.warn(`${name}: kept as committed (${tool} failed or is missing: ${(error as Error).message.split('\n')[0]})`);
    return;
  }
  write(name, readFileSync(outFile));
}

// Debian's ImageMagick 6 by its full path, in case something else named `convert` comes first in PATH.
const CONVERT = existsSync('/usr/bin/convert') ? '/usr/bin/convert' : 'convert';

mkdirSync(OUT_DIR, { recursive: true });

write('same-origin.png', png(640, 480));
write('cross-origin.jpg', jpg(600, 450));
write('hotlink.jpg', jpg(560, 420));
write('cookie-gated.jpg', jpg(520, 390));
write('srcset-200.jpg', jpg(200, 100, DECOY_QUADRANTS));
write('srcset-2000.jpg', jpg(2000, 1000));
write('picture-fallback.jpg', jpg(320, 200, DECOY_QUADRANTS));
write('lazy.jpg', jpg(480, 360));
write('blob-source.png', png(400, 300));
write('vector.svg', `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">\n${quadrantRects(480, 360)}\n</svg>\n`);
// Stored landscape with red top-left; EXIF orientation 6 shows it turned 90° clockwise (portrait, red top-right).
const stored = jpg(640, 480);
write('exif-rotated.jpg', Buffer.concat([stored.subarray(0, 2), exifSegment(6), stored.subarray(2)]));
write('deep-colour.png', encodeDeepPng(480, 360, QUADRANTS));
write('palette.png', encodePalettePng(480, 360, QUADRANTS));
write('transparent.png', png(480, 360, QUADRANTS, true));
write('background.jpg', jpg(600, 400));
write('under-overlay.jpg', jpg(480, 360));
// Cut inside the quantisation table, before the frame header: not even the size can be read.
write('corrupt.jpg', jpg(480, 360).subarray(0, 60));
// Cut halfway through the entropy-coded data: browsers show the top part, decoders for use refuse it.
const whole = jpg(480, 360);
write('truncated.jpg', whole.subarray(0, Math.floor(whole.length / 2)));

viaTool('photo.webp', png(640, 480), (i, o) => ['cwebp', ['-quiet', '-q', '85', i, '-o', o]]);
viaTool('picture.webp', png(640, 400), (i, o) => ['cwebp', ['-quiet', '-q', '85', i, '-o', o]]);
viaTool('photo.avif', png(640, 480), (i, o) => ['avifenc', ['-s', '6', '--min', '10', '--max', '30', i, o]]);
viaTool('cmyk.jpg', png(480, 360), (i, o) => [CONVERT, [i, '-colorspace', 'CMYK', '-quality', '90', '-strip', o]]);
// First frame (the quadrants) 0.1 s, second (decoy colours) 2 s, looping: most of the time the decoy shows.
writeFileSync(path.join(TMP, 'frame-2.png'), png(320, 240, DECOY_QUADRANTS));
viaTool('animated.gif', png(320, 240), (i, o) => [CONVERT, ['-delay', '10', i, '-delay', '200', path.join(TMP, 'frame-2.png'), '-loop', '0', o]]);
// One second of still quadrants (VP9, 4 frames): a paused video shows them whatever frame it stopped on.
viaTool('clip.webm', png(320, 240), (i, o) => [
  'ffmpeg',
  ['-v', 'error', '-y', '-loop', '1', '-framerate', '4', '-i', i, '-t', '1', '-c:v', 'libvpx-vp9', '-pix_fmt', 'yuv420p'].concat(
    ['-crf', '20', '-b:v', '0', '-an', '-map_metadata', '-1', '-fflags', '+bitexact', o],
  ),
]);

const dataUrlPng = `data:image/png;base64,${png(160, 120).toString('base64')}`;
for (const [name, html] of corpusPages({ dataUrlPng })) write(name, html);
write('corpus.css', CORPUS_CSS);

rmSync(TMP, { recursive: true, force: true });
