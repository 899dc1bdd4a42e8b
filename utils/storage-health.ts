/**
 * How close the extension's storage is to the browser's quota, from `navigator.storage.estimate()`.
 * Pure: the estimate comes in as an argument.
 *
 * Thresholds, on what is left (quota − usage): **low** below 500 MB or 10 % of the quota, **critical**
 * below 100 MB or 2 %. An edit keeps its input, its result and two thumbnails, typically 2–10 MB, so
 * 500 MB is still dozens of edits (time to export), while 100 MB can run out within a session. The
 * percentages count up to a cap (2 GB and 400 MB): with `unlimitedStorage` Chrome's quota follows the
 * free disk space, and 2 % of a terabyte (20 GB) is thousands of edits, nothing to be alarmed about.
 */
export const LOW_FREE_BYTES = 500_000_000;
export const LOW_FREE_RATIO = 0.1;
export const LOW_RATIO_CAP_BYTES = 2_000_000_000;
export const CRITICAL_FREE_BYTES = 100_000_000;
export const CRITICAL_FREE_RATIO = 0.02;
export const CRITICAL_RATIO_CAP_BYTES = 400_000_000;

export type StorageLevel = 'ok' | 'low' | 'critical' | 'unknown';

/** The verdict, with the figures it rests on and a sentence for people. */
export interface StorageHealth {
  level: StorageLevel;
  usage?: number;
  quota?: number;
  free?: number;
  message: string;
}

/** What to do about it, said wherever the warning shows. */
export const MAKE_ROOM_ADVICE = 'Export your history (Settings → History and storage), then delete older edits.';

/** Decides ok / low / critical from an estimate (see the module comment); unknown when the browser gives none. */
export function assessStorage(estimate: { usage?: number; quota?: number } | undefined): StorageHealth {
  const usage = estimate?.usage;
  const quota = estimate?.quota;
  if (usage === undefined || quota === undefined || !(quota > 0)) {
    return { level: 'unknown', usage, quota, message: 'The browser does not say how much space the extension may use.' };
  }
  const free = Math.max(0, quota - usage);
  const figures = { usage, quota, free };
  if (free < below(quota, CRITICAL_FREE_BYTES, CRITICAL_FREE_RATIO, CRITICAL_RATIO_CAP_BYTES)) {
    return { level: 'critical', ...figures, message: `Storage is almost full: only ${formatStorageBytes(free)} left, and new results may not be kept. ${MAKE_ROOM_ADVICE}` };
  }
  if (free < below(quota, LOW_FREE_BYTES, LOW_FREE_RATIO, LOW_RATIO_CAP_BYTES)) {
    return { level: 'low', ...figures, message: `Storage is running low: ${formatStorageBytes(free)} left. ${MAKE_ROOM_ADVICE}` };
  }
  return { level: 'ok', ...figures, message: `${formatStorageBytes(usage)} used of ${formatStorageBytes(quota)} available.` };
}

/** The free space under which a level applies: the bytes, or the share of the quota up to its cap. */
function below(quota: number, bytes: number, ratio: number, cap: number): number {
  return Math.max(bytes, Math.min(quota * ratio, cap));
}

const UNITS = [
  [1e12, 'TB'],
  [1e9, 'GB'],
  [1e6, 'MB'],
  [1e3, 'kB'],
] as const;

/** "1.2 GB", "820 kB", "312 bytes": decimal units, as file managers show them. */
export function formatStorageBytes(bytes: number): string {
  for (const [size, unit] of UNITS) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} ${unit}`;
    }
  }
  return `${Math.round(bytes)} bytes`;
}
