import { browser } from 'wxt/browser';
import { getJobImage } from '../image-store';
import { pageSourceOf, type PageSource } from '../history/find-job';
import type { Job } from '../job';
import { withProvenance, type Provenance } from '../image/provenance';
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
  /** The page picture the job's chain started from (an edit of an edit names the first version's page). */
  pageSourceOf?: (job: Job) => Promise<PageSource | undefined>;
}

export const browserResultDeps: ResultDeps = {
  getImage: (jobId) => getJobImage(jobId, 'result'),
  download: (options) => browser.downloads.download(options),
  writeClipboard: (items) => navigator.clipboard.write(items),
  convertToPng: (blob) => toPng(blob),
  now: () => Date.now(),
  pageSourceOf: (job) => pageSourceOf(job),
};

async function resultOf(job: Job, deps: ResultDeps): Promise<Blob> {
  const blob = await deps.getImage(job.id);
  if (!blob) throw new Error(MISSING_RESULT_MESSAGE);
  return blob;
}

/** Where a result came from, as the saved file records it; `source` is its chain's page picture. */
export function provenanceOf(job: Job, date: Date, source = job.source.kind === 'page' ? job.source : undefined): Provenance {
  // A page-made address (blob:, data:) means nothing outside this browser: name the page instead.
  const sourceUrl = source?.srcUrl && /^https?:/i.test(source.srcUrl) ? source.srcUrl : source?.pageUrl;
  return { prompt: job.prompt, model: job.model, sourceUrl, date };
}

/**
 * Downloads a job's result as `kontext-<prompt>-<date>.<ext>`, without a Save As dialog, with its
 * provenance (prompt, model, source, date) written into the file.
 */
export async function saveResult(job: Job, deps: ResultDeps = browserResultDeps): Promise<string> {
  const date = new Date(job.completedAt ?? deps.now());
  const source = await deps.pageSourceOf?.(job).catch(() => undefined);
  const blob = await withProvenance(await resultOf(job, deps), provenanceOf(job, date, source));
  const filename = resultFileName(job.prompt, date, blob.type, job.input.output_format === 'jpg' ? 'jpg' : 'png');
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
