import type { Job } from '../job';
import type { HistoryEntry } from './history-entry';

/** Where an edit's picture came from: the page of the first version of its chain. */
export interface EditSite {
  host?: string;
  title?: string;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/** The site of an edit; an "Edit again" takes its chain's first version's page (the tree's root, when kept). */
export function siteOf(job: Job, history: ReadonlyMap<string, HistoryEntry>): EditSite {
  let source = job.source;
  const seen = new Set<string>();
  while (source.kind === 'job' && !seen.has(source.jobId)) {
    seen.add(source.jobId);
    const parent = history.get(source.jobId) ?? history.get(history.get(job.id)?.treeId ?? '');
    if (!parent || parent.id === job.id) return {};
    source = parent.job.source;
  }
  return source.kind === 'page' ? { host: hostOf(source.pageUrl ?? source.srcUrl), title: source.pageTitle } : {};
}

/** The words of a search, lower case: every one must match (an empty search matches everything). */
export function searchWords(query: string): string[] {
  return query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/** True when every word is found in the instruction, the site's address or the page's title. */
export function matchesSearch(job: Job, words: readonly string[], history: ReadonlyMap<string, HistoryEntry>): boolean {
  if (words.length === 0) return true;
  const site = siteOf(job, history);
  const haystack = [job.prompt, site.host, site.title].filter(Boolean).join('\n').toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}
