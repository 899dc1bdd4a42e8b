/**
 * `npm run bench:popup`: how long the toolbar popup takes to become usable with a long history.
 * A benchmark, not a test: it prints figures and asserts nothing.
 *
 * Seeds a fresh profile with HISTORY_SIZE finished edits (each with a 256 px input and result
 * thumbnail and a full-size result, as the extension stores them), then opens popup.html RUNS times
 * and measures, from navigation start: the first row on screen, and "interactive" = the search box
 * present and every row in view showing its result thumbnail. Also counts the rows in the DOM.
 */
import type { Page } from '@playwright/test';
import jpeg from 'jpeg-js';
import { launchExtensionBrowser } from '../tests/e2e/browser';
import { openExtensionPage, waitForExtensionId } from '../tests/e2e/extension';
import { startXvfb, useTestDisplay, type Xvfb } from '../tests/e2e/x-display';
import { makeJob } from '../tests/unit/make-job';
import { entryFromJob } from '../utils/history/history-entry';

const HISTORY_SIZE = Number(process.env.BENCH_HISTORY ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

/** A noisy JPEG (noise keeps it from compressing to nothing), base64. */
function noisyJpeg(width: number, height: number, seed: number): string {
  const data = Buffer.alloc(width * height * 4);
  let state = seed;
  for (let index = 0; index < data.length; index += 1) {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    data[index] = index % 4 === 3 ? 255 : (state >> 16) & 0xff;
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 70).data).toString('base64');
}

async function seed(page: Page): Promise<void> {
  const thumb = noisyJpeg(256, 192, 1);
  const full = noisyJpeg(1024, 768, 2);
  const day = 86_400_000;
  const entries = Array.from({ length: HISTORY_SIZE }, (_, index) => {
    const createdAt = Date.now() - (HISTORY_SIZE - index) * day / 10;
    const job = makeJob({
      id: `bench-${index}`, prompt: `benchmark edit number ${index}: make it a watercolour painting`, phase: 'done',
      createdAt, updatedAt: createdAt + 9_000, completedAt: createdAt + 9_000, predictionId: `p${index}`,
      source: { kind: 'page', pageUrl: `https://site${index % 37}.example/gallery`, pageTitle: `Gallery ${index % 37}` },
      image: { width: 1024, height: 768, bytes: 200_000, type: 'image/jpeg' },
      result: { width: 1024, height: 768, bytes: 400_000, type: 'image/jpeg' },
    });
    return entryFromJob(job, undefined, createdAt + 10_000);
  });
  // No named helper functions inside: tsx names them with a `__name` call the page does not have.
  await page.evaluate(async ({ entries, thumb, full }) => {
    const [small, large] = [thumb, full].map((base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer);
    const thumbImage = { bytes: small, type: 'image/jpeg', width: 256, height: 192 };
    const fullImage = { bytes: large, type: 'image/jpeg', width: 1024, height: 768 };
    // The options page has opened the database by now (it reads the key), so its stores exist.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('edit-with-kontext');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['history', 'images'], 'readwrite');
    for (const entry of entries) {
      tx.objectStore('history').put(entry);
      tx.objectStore('images').put(thumbImage, `${entry.id}:input-thumb`);
      tx.objectStore('images').put(thumbImage, `${entry.id}:result-thumb`);
      tx.objectStore('images').put(fullImage, `${entry.id}:result`);
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, { entries, thumb, full });
}

interface Sample { firstRow: number; interactive: number; rowsInDom: number }

async function measure(page: Page): Promise<Sample> {
  const firstRow = await page.waitForFunction(() => document.querySelector('li.job') && performance.now(), undefined, { polling: 'raf', timeout: 30_000 });
  const interactive = await page.waitForFunction(() => {
    const search = document.querySelector('input[type=search]');
    const scroller = document.querySelector('.virtual-scroll');
    if (!search || !scroller) return false;
    const view = scroller.getBoundingClientRect();
    const inView = [...document.querySelectorAll('li.job')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    });
    const ready = inView.length > 0 && inView.every((row) => {
      const img = row.querySelector<HTMLImageElement>('img.job-result');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    return ready && performance.now();
  }, undefined, { polling: 'raf', timeout: 30_000 });
  const rowsInDom = await page.locator('li.job').count();
  return { firstRow: Number(await firstRow.jsonValue()), interactive: Number(await interactive.jsonValue()), rowsInDom };
}

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  let xvfb: Xvfb | undefined;
  if (!process.env.DISPLAY) {
    xvfb = await startXvfb();
    useTestDisplay(xvfb.display);
  }
  const browser = await launchExtensionBrowser(null);
  try {
    const id = await waitForExtensionId(browser.context);
    const options = await openExtensionPage(browser.context, id, 'options.html');
    await options.getByLabel('API key', { exact: true }).waitFor();
    const started = performance.now();
    await seed(options);
    console.log(`bench:popup: seeded ${HISTORY_SIZE} finished edits in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const samples: Sample[] = [];
    for (let run = 0; run < RUNS + 1; run += 1) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${id}/popup.html`);
      const sample = await measure(page);
      // The first open also pays for compiling the page's script: reported apart.
      if (run === 0) console.log(`bench:popup: cold open: first row ${sample.firstRow.toFixed(0)} ms, interactive ${sample.interactive.toFixed(0)} ms`);
      else samples.push(sample);
      await page.close();
    }
    console.log(`bench:popup: ${HISTORY_SIZE} entries, ${RUNS} warm opens (400 × 600 px), from navigation start:`);
    console.log(`  first row:   ${stats(samples.map((s) => s.firstRow))}`);
    console.log(`  interactive: ${stats(samples.map((s) => s.interactive))}  (search box + thumbnails of every row in view)`);
    console.log(`  rows in the DOM: ${samples[0]?.rowsInDom} of ${HISTORY_SIZE}`);
  } finally {
    await browser.close();
    await xvfb?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
