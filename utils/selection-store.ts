import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { PageImageTarget } from './page/image-target';
import { createSerialQueue } from './serial-queue';

/**
 * Images chosen in a page and waiting for their instruction, by one-time token. Kept in session
 * storage, which Chrome restricts to trusted extension contexts by default, so a page (or the content
 * script in it) cannot learn or forge other tokens, and a worker restart between the click and
 * "Start edit" loses nothing.
 */
export const SELECTIONS_KEY = 'session:selections';
/** A selection older than this is dropped: the prompt box was abandoned. */
export const SELECTION_TTL_MS = 60 * 60 * 1000;

/** What the prepared input image looks like, for the prompt box ("what will be sent"). */
export const PreparedSummary = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  type: z.string(),
  /** How the bytes were obtained (see input-prep.ts). */
  via: z.enum(['data-url', 'background-fetch', 'page-fetch', 'page-pixels', 'screenshot', 'result']),
  /** The source as found: its pixel size and why it was chosen. */
  sourceWidth: z.number().int().positive(),
  sourceHeight: z.number().int().positive(),
  sourceType: z.string(),
  /** Human notes: scaled down, converted, first frame only, screenshot used… */
  notes: z.array(z.string()),
});
export type PreparedSummary = z.infer<typeof PreparedSummary>;

export const Selection = z.object({
  kind: z.enum(['image', 'pick']).default('image'),
  /** The right-clicked image's URL (menu on an image); absent for the picker until a picture is picked. */
  srcUrl: z.string().optional(),
  pageUrl: z.string().optional(),
  pageTitle: z.string().optional(),
  tabId: z.number().int(),
  windowId: z.number().int().optional(),
  frameId: z.number().int(),
  createdAt: z.number(),
  /** What the page said about the chosen picture (sources, rectangle), once it said it. */
  target: PageImageTarget.optional(),
  /** Set when the click was on a preset: the one edit this selection may start (presets/preset-run.ts). */
  presetId: z.string().optional(),
  /** Set once the input image is prepared and stored (image-store, under preparedImageId(token)). */
  prepared: PreparedSummary.optional(),
});
export type Selection = z.infer<typeof Selection>;
export type SelectionInput = z.input<typeof Selection>;

const selectionsItem = storage.defineItem<Record<string, unknown>>(SELECTIONS_KEY, { fallback: {} });

async function readAll(now: number): Promise<Record<string, Selection>> {
  const fresh: Record<string, Selection> = {};
  for (const [token, raw] of Object.entries(await selectionsItem.getValue())) {
    const parsed = Selection.safeParse(raw);
    if (parsed.success && now - parsed.data.createdAt < SELECTION_TTL_MS) fresh[token] = parsed.data;
  }
  return fresh;
}

// Read-modify-write of one item: keep them in order, or two quick updates could drop one.
const serialized = createSerialQueue();

/** Remembers a selection under a new token. */
export function putSelection(token: string, selection: SelectionInput): Promise<void> {
  return serialized(async () => {
    const all = await readAll(selection.createdAt);
    await selectionsItem.setValue({ ...all, [token]: Selection.parse(selection) });
  });
}

/** Changes a stored selection; returns the new one, or undefined when the token is unknown or expired. */
export function updateSelection(token: string, now: number, change: (selection: Selection) => Selection): Promise<Selection | undefined> {
  return serialized(async () => {
    const all = await readAll(now);
    const current = all[token];
    if (!current) return undefined;
    const next = change(current);
    await selectionsItem.setValue({ ...all, [token]: next });
    return next;
  });
}

/** The selection a token stands for, if it is still fresh. */
export async function getSelection(token: string, now: number): Promise<Selection | undefined> {
  return (await readAll(now))[token];
}

/** Tokens of every stored selection, fresh or not (for cleaning up their prepared images). */
export async function allSelectionTokens(): Promise<string[]> {
  return Object.keys(await selectionsItem.getValue());
}
