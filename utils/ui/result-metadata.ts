import type { HistoryEntry } from '../history/history-entry';
import { chainTo } from '../history/tree';
import { formatBytes } from '../image/errors';
import { formatLabel } from '../image/plan';
import type { ImageFacts, Job } from '../job';
import { describeInput } from '../models/describe-input';
import { builtInSpec } from '../models/registry';
import { formatUsd } from '../pricing';
import { PROVIDER_LABELS } from './provider-form';
import { versionNumbers } from './version-labels';

/** One row of the result page's facts: a term, its value, and a link when the value is an address. */
export interface MetadataRow {
  term: string;
  value: string;
  href?: string;
}

/** How dates are written; the page passes the reader's locale, tests a fixed one. */
export type FormatDate = (ms: number) => string;

export const formatLocalDate: FormatDate = (ms) =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** "1024 × 768 PNG, 1.2 MB". */
export function describeImage(facts: ImageFacts): string {
  return `${facts.width} × ${facts.height} ${formatLabel(facts.type)}, ${formatBytes(facts.bytes)}`;
}

/** "4.2 s", "1 min 5 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds * 10) / 10} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

function isWebAddress(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}

/** A BFL job's prediction id is its polling URL (it names the regional host): people know the task by its `id`. */
function bflTaskId(pollingUrl: string): string {
  try {
    return new URL(pollingUrl).searchParams.get('id') || pollingUrl;
  } catch {
    return pollingUrl;
  }
}

/** The page picture a chain of edits started from (an "Edit again" job's own source is a version). */
function pageSourceOf(job: Job, chain: readonly HistoryEntry[]) {
  const root = chain[0]?.job ?? job;
  return root.source.kind === 'page' ? root.source : job.source.kind === 'page' ? job.source : undefined;
}

/** The facts the result page lists for one version: what was asked, of which model, from where, when, how big. */
export function metadataRows(entry: HistoryEntry, tree: readonly HistoryEntry[], formatDate: FormatDate = formatLocalDate): MetadataRow[] {
  const { job } = entry;
  const chain = chainTo(tree, entry.id);
  const source = pageSourceOf(job, chain);
  const rows: MetadataRow[] = [
    { term: 'Instruction', value: job.prompt },
    { term: 'Model', value: job.model },
    // Jobs from before providers could be chosen all ran at Replicate.
    { term: 'Provider', value: PROVIDER_LABELS[job.provider ?? 'replicate'] },
    ...describeInput(job.input, builtInSpec(job.model)),
  ];
  if (source?.pageUrl) {
    rows.push({ term: 'Source page', value: source.pageTitle || source.pageUrl, href: isWebAddress(source.pageUrl) ? source.pageUrl : undefined });
  } else if (source?.pageTitle) {
    rows.push({ term: 'Source page', value: source.pageTitle });
  }
  // A page-made address (blob:, data:) means nothing outside that tab.
  if (isWebAddress(source?.srcUrl)) rows.push({ term: 'Picture', value: source.srcUrl, href: source.srcUrl });
  if (job.predictionId) rows.push(job.provider === 'bfl' ? { term: 'Task id', value: bflTaskId(job.predictionId) } : { term: 'Prediction id', value: job.predictionId });
  rows.push({ term: 'Created', value: formatDate(job.createdAt) });
  if (job.completedAt !== undefined) rows.push({ term: 'Finished', value: formatDate(job.completedAt) });
  if (job.predictTime !== undefined) rows.push({ term: 'Time on the provider', value: formatSeconds(job.predictTime) });
  if (entry.cost) rows.push({ term: 'Cost', value: `${formatUsd(entry.cost.usd)} (${entry.cost.basis})` });
  if (job.image) rows.push({ term: 'Input', value: describeImage(job.image) });
  if (job.result) rows.push({ term: 'Result', value: describeImage(job.result) });
  const number = versionNumbers(tree).get(entry.id);
  if (number !== undefined) rows.push({ term: 'Version', value: `${number} of ${tree.length}` });
  const edits = Math.max(chain.length, 1);
  rows.push({ term: 'Edits in its chain', value: edits === 1 ? '1 (the first edit of the picture)' : String(edits) });
  return rows;
}
