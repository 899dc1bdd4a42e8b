import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { upgradeRecord, type RecordVersioning } from './record-version';
import { createSerialQueue } from './serial-queue';

/**
 * The last instructions the user started edits with, newest first, offered again in the prompt box.
 * Kept in local storage (never synced: instructions can be personal) and written by the background
 * when an edit starts; the prompt box gets them with its context, so pages never read storage.
 */

/** Local-storage key of the list. */
export const RECENT_INSTRUCTIONS_KEY = 'local:recentInstructions';
/** How many distinct instructions are kept. */
export const MAX_RECENT_INSTRUCTIONS = 10;
/** Longer instructions are not kept (the prompt box allows 2000 characters). */
const MAX_LENGTH = 2000;

export const RECENT_VERSIONING: RecordVersioning = { current: 1, unversioned: 1, migrations: {} };
const RecentRecord = z.object({ items: z.array(z.string().max(MAX_LENGTH)) });

const recentItem = storage.defineItem<unknown>(RECENT_INSTRUCTIONS_KEY, { fallback: { v: 1, items: [] } });
const queue = createSerialQueue();

/** Instructions that differ only in case or spacing count as one. */
function sameInstruction(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/** The list with `instruction` first (as typed, trimmed), earlier copies of it dropped, at most `max`. */
export function addRecentInstruction(list: readonly string[], instruction: string, max = MAX_RECENT_INSTRUCTIONS): string[] {
  const text = instruction.trim();
  if (!text || text.length > MAX_LENGTH) return [...list];
  return [text, ...list.filter((other) => !sameInstruction(other, text))].slice(0, max);
}

/** The stored list, validated; empty when unreadable (or from a newer build: it is kept untouched until a write). */
export function readRecentInstructions(raw: unknown): string[] {
  const upgraded = upgradeRecord(raw, RECENT_VERSIONING);
  if (upgraded.status !== 'readable') return [];
  const parsed = RecentRecord.safeParse(upgraded.record);
  return parsed.success ? parsed.data.items.slice(0, MAX_RECENT_INSTRUCTIONS) : [];
}

/** The recent instructions, newest first. */
export async function getRecentInstructions(): Promise<string[]> {
  return readRecentInstructions(await recentItem.getValue());
}

/** Records an instruction an edit was started with. */
export function rememberInstruction(instruction: string): Promise<void> {
  return queue(async () => {
    const items = addRecentInstruction(await getRecentInstructions(), instruction);
    await recentItem.setValue({ v: RECENT_VERSIONING.current, items });
  });
}

/**
 * The recent instructions worth offering for what is typed so far: those containing it (any case),
 * not the one already typed in full.
 */
export function matchingRecentInstructions(recent: readonly string[], typed: string): string[] {
  const query = typed.trim().toLowerCase();
  return recent.filter((item) => item.toLowerCase().includes(query) && !sameInstruction(item, typed));
}
