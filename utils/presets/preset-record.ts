import { upgradeRecord, type RecordVersioning } from '../record-version';
import { Preset, PresetId } from './preset';
import { z } from 'zod';

/** Sync-storage key of the preset order (ids only); each preset is its own item (preset-store.ts). */
export const PRESET_ORDER_KEY = 'presetOrder';
/** Sync-storage key prefix of one preset's item. */
export const PRESET_KEY_PREFIX = 'preset:';

/** Version of the stored preset and order records; bump it together with a migration below. */
export const PRESET_SCHEMA_VERSION = 1;
export const PRESET_VERSIONING: RecordVersioning = { current: PRESET_SCHEMA_VERSION, unversioned: 1, migrations: {} };

/** The stored order: which presets exist, in menu order. */
export const PresetOrder = z.object({ ids: z.array(PresetId) });
export type PresetOrder = z.infer<typeof PresetOrder>;

/** Storage key of one preset. */
export function presetKey(id: string): string {
  return `${PRESET_KEY_PREFIX}${id}`;
}

/** A record as written: stamped with its schema version. */
export function toRecord<T extends object>(value: T): T & { v: number } {
  return { v: PRESET_SCHEMA_VERSION, ...value };
}

/** A stored preset, upgraded and validated; undefined when unreadable (or from a newer build). */
export function readPresetRecord(raw: unknown): Preset | undefined {
  const upgraded = upgradeRecord(raw, PRESET_VERSIONING);
  if (upgraded.status !== 'readable') return undefined;
  const { v: _v, ...record } = upgraded.record;
  const parsed = Preset.safeParse(record);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The stored order, or undefined when there is none yet (never written: a fresh install). `newer`:
 * written by a newer build on another device; it must not be overwritten by this one.
 */
export function readOrderRecord(raw: unknown): (PresetOrder & { newer?: true }) | undefined {
  if (raw === undefined) return undefined;
  const upgraded = upgradeRecord(raw, PRESET_VERSIONING);
  if (upgraded.status === 'newer') return { ids: [], newer: true };
  if (upgraded.status !== 'readable') return { ids: [] };
  const parsed = PresetOrder.safeParse(upgraded.record);
  // Duplicates (two devices merging) would make two menu items with one id: keep the first.
  return parsed.success ? { ids: [...new Set(parsed.data.ids)] } : { ids: [] };
}
