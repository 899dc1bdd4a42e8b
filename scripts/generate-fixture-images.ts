/**
 * Draws the test images in tests/fixtures/pages (committed; re-run after changing a drawing):
 *   npx tsx scripts/generate-fixture-images.ts
 * Deterministic: the same code gives the same bytes, so a re-run shows no diff.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
type Painter = (x: number, y: number) => Rgb;

const OUT_DIR = path.resolve(import.meta.dirname, '../tests/fixtures/pages');

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as unknown as Rgb;
const clamp01 = (t: number) => Math.min(1, Math.max(0, t));

function render(width: number, height: number, paint: Painter): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return data;
}

/** Flat-colour mountain landscape at sunset: few colours, so the PNG stays small. */
const landscape: Painter = (x, y) => {
  // Bands of 8 px keep the sky in flat steps that deflate well.
  const sky = mix([255, 196, 120], [72, 61, 139], clamp01(1 - (Math.floor(y / 8) * 8) / 300));
  if (Math.hypot(x - 440, y - 190) < 56) return [255, 236, 150];
  const far = 250 - 70 * Math.abs(Math.sin(x / 90)) - 20 * Math.sin(x / 23);
  const near = 330 - 60 * Math.abs(Math.sin((x + 140) / 120));
  if (y > 400) return (Math.floor((y - 400) / 6) + Math.floor(x / 40)) % 5 === 0 ? [120, 170, 220] : [40, 90, 160];
  if (y > near) return [34, 85, 60];
  if (y > far) return [90, 80, 130];
  return sky;
};

/** Smooth, photo-like still life: a red ball with a soft shadow on a wooden-looking table. */
const stillLife: Painter = (x, y) => {
  const wall = mix([236, 226, 208], [178, 190, 206], y / 380);
  const grain = 12 * Math.sin(x / 7 + 3 * Math.sin(y / 31));
  const table: Rgb = [150 + grain, 100 + grain * 0.7, 60 + grain * 0.4];
  const base = y > 380 ? table : wall;
  const d = Math.hypot(x - 400, y - 300);
  if (d < 150) {
    const light = clamp01(1 - Math.hypot(x - 350, y - 240) / 260);
    return mix([120, 10, 20], [255, 120, 110], light);
  }
  const shadow = Math.hypot((x - 430) / 1.9, (y - 445) / 0.35);
  return shadow < 160 && y > 380 ? mix(base, [60, 40, 30], 0.5 * (1 - shadow / 160)) : base;
};

/** Small square badge used where a tiny image is needed. */
const badge: Painter = (x, y) => ((Math.floor(x / 16) + Math.floor(y / 16)) % 2 ? [46, 134, 222] : [255, 209, 102]);

function writePng(name: string, width: number, height: number, paint: Painter) {
  const png = new PNG({ width, height, colorType: 2 });
  png.data = render(width, height, paint);
  write(name, PNG.sync.write(png, { colorType: 2, deflateLevel: 9 }));
}

function writeJpeg(name: string, width: number, height: number, paint: Painter) {
  write(name, jpeg.encode({ width, height, data: render(width, height, paint) }, 82).data);
}

function write(name: string, bytes: Buffer) {
  writeFileSync(path.join(OUT_DIR, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}

writePng('landscape.png', 640, 480, landscape);
writeJpeg('still-life.jpg', 800, 600, stillLife);
writePng('badge.png', 64, 64, badge);
