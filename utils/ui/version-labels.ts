import type { HistoryEntry } from '../history/history-entry';

/**
 * Version numbers of the versions of one source: 1 for the first edit, then in the order they were
 * made, so "Version 4" is the fourth edit of that picture whichever branch it is on.
 */
export function versionNumbers(tree: readonly HistoryEntry[]): Map<string, number> {
  const ordered = [...tree].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return new Map(ordered.map((entry, index) => [entry.id, index + 1]));
}

/** The name a version goes by: "Version 2: make it night". */
export function versionLabel(number: number | undefined, prompt: string): string {
  return number === undefined ? prompt : `Version ${number}: ${prompt}`;
}
