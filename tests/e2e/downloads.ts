import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** A file the browser finished saving. */
export interface DownloadedFile {
  /** Path relative to the downloads folder, as the extension named it (e.g. `kontext/result.png`). */
  name: string;
  /** Absolute path. */
  path: string;
  bytes: Buffer;
}

/** Files fully saved in `downloadsDir` (Chromium writes `*.crdownload` first, then renames). */
export async function listDownloads(downloadsDir: string): Promise<string[]> {
  const entries = await readdir(downloadsDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.crdownload'))
    .map((entry) => path.relative(downloadsDir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Waits until a finished download whose name matches `name` (any, by default) is in `downloadsDir`,
 * then returns it. Downloads keep the name the extension gave them.
 */
export async function waitForDownload(
  downloadsDir: string,
  { name = /./, timeout = 10_000 }: { name?: RegExp; timeout?: number } = {},
): Promise<DownloadedFile> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await listDownloads(downloadsDir)).find((file) => name.test(file));
    if (found) {
      const absolute = path.join(downloadsDir, found);
      return { name: found, path: absolute, bytes: await readFile(absolute) };
    }
    if (Date.now() > deadline) throw new Error(`No download matching ${name} in ${downloadsDir} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
