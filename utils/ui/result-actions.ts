import { browser } from 'wxt/browser';
import { getJobImage } from '../image-store';
import type { Job } from '../job';
import { resultFileName } from './file-name';
import { toPng } from './to-png';

/** Long enough for the browser to read the blob into the download, short enough not to leak. */
const REVOKE_AFTER_MS = 60_000;

export const MISSING_RESULT_MESSAGE = 'The result image is no longer stored. Retry the edit to get it again.';

/** What saving and copying need from the outside world; tests pass fakes. */
export interface ResultDeps {
  getImage: (jobId: string) => Promise<Blob | undefined>;
  download: (options: { url: string; filename: string; saveAs: boolean }) => Promise<unknown>;
  writeClipboard: (items: ClipboardItem[]) => Promise<void>;
  convertToPng: (blob: Blob) => Promise<Blob>;
  now: () => number;
}

export const browserResultDeps: ResultDeps = {
  getImage: (jobId) => getJobImage(jobId, 'result'),
  download: (options) => browser.downloads.download(options),
  writeClipboard: (items) => navigator.clipboard.write(items),
  convertToPng: (blob) => toPng(blob),
  now: () => Date.now(),
};

async function resultOf(job: Job, deps: ResultDeps): Promise<Blob> {
  const blob = await deps.getImage(job.id);
  if (!blob) throw new Error(MISSING_RESULT_MESSAGE);
  return blob;
}

/** Downloads a job's result as `kontext-<prompt>-<date>.<ext>`, without a Save As dialog. */
export async function saveResult(job: Job, deps: ResultDeps = browserResultDeps): Promise<string> {
  const blob = await resultOf(job, deps);
  const filename = resultFileName(job.prompt, new Date(job.completedAt ?? deps.now()), blob.type, job.input.output_format);
  const url = URL.createObjectURL(blob);
  try {
    await deps.download({ url, filename, saveAs: false });
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
  return filename;
}

/** Puts a job's result on the clipboard as a real image/png (the one image type every browser takes). */
export async function copyResult(job: Job, deps: ResultDeps = browserResultDeps): Promise<void> {
  const png = await deps.convertToPng(await resultOf(job, deps));
  await deps.writeClipboard([new ClipboardItem({ 'image/png': png })]);
}
