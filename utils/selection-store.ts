import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * Right-clicked images waiting for their instruction, by one-time token. Kept in session storage,
 * which Chrome restricts to trusted extension contexts by default, so a page (or the content script
 * in it) cannot learn or forge other tokens, and a worker restart between the click and "Start edit"
 * loses nothing.
 */
export const SELECTIONS_KEY = 'session:selections';
/** A selection older than this is dropped: the prompt box was abandoned. */
export const SELECTION_TTL_MS = 60 * 60 * 1000;

export const Selection = z.object({
  srcUrl: z.string(),
  pageUrl: z.string().optional(),
  pageTitle: z.string().optional(),
  tabId: z.number().int(),
  frameId: z.number().int(),
  createdAt: z.number(),
});
export type Selection = z.infer<typeof Selection>;

const selectionsItem = storage.defineItem<Record<string, unknown>>(SELECTIONS_KEY, { fallback: {} });

async function readAll(now: number): Promise<Record<string, Selection>> {
  const fresh: Record<string, Selection> = {};
  for (const [token, raw] of Object.entries(await selectionsItem.getValue())) {
    const parsed = Selection.safeParse(raw);
    if (parsed.success && now - parsed.data.createdAt < SELECTION_TTL_MS) fresh[token] = parsed.data;
  }
  return fresh;
}

/** Remembers a selection under a new token. */
export async function putSelection(token: string, selection: Selection): Promise<void> {
  const all = await readAll(selection.createdAt);
  await selectionsItem.setValue({ ...all, [token]: selection });
}

/** The selection a token stands for, if it is still fresh. */
export async function getSelection(token: string, now: number): Promise<Selection | undefined> {
  return (await readAll(now))[token];
}
