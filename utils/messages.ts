/**
 * The one message protocol between the extension's parts. Every message into the background is
 * parsed with these schemas on arrival; anything that does not parse is dropped.
 *
 * Direction is in the name: `bg:*` goes to the background, `page:*` goes from the background to the
 * prompt box it injected into a tab.
 */
import { z } from 'zod';
import { PageImageTarget } from './page/image-target';
import type { PreparedSummary } from './selection-store';
import { AspectRatio, Model, OutputFormat, Provider } from './settings';
import type { SpendQuote } from './spend/spend-gate';
import { ScalarRecord } from './models/input-field';
import type { ModelSpec } from './models/model-spec';
import type { SpecResult } from './models/schema-to-spec';

const JobId = z.string().min(1).max(100);

/** What a new edit starts from: a right-clicked image (by the one-time token the menu click made) or a result. */
export const EditSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('selection'), token: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('job'), jobId: JobId }),
]);
export type EditSource = z.infer<typeof EditSource>;

/** The prompt box's choices. */
export const EditRequest = z.object({
  source: EditSource,
  prompt: z.string().trim().min(1, 'Describe the edit.').max(2000),
  aspectRatio: AspectRatio,
  outputFormat: OutputFormat,
  /** Absent: the model chosen in the options (a preset may name its own). */
  model: Model.optional(),
  /** The model's other per-edit inputs (flux-kontext-dev's steps, guidance), checked by its schema at start. */
  inputs: ScalarRecord.optional(),
});
export type EditRequest = z.infer<typeof EditRequest>;

/** Messages the background accepts. */
export const BackgroundMessage = z.discriminatedUnion('type', [
  /** An extension page opened: make sure unfinished jobs are moving (the worker may have just started). */
  z.object({ type: z.literal('bg:wake') }),
  /** Content scripts cannot open the options page themselves. */
  z.object({ type: z.literal('bg:open-options'), section: z.enum(['site-access', 'spending']).optional() }),
  z.object({ type: z.literal('bg:prompt-context'), source: EditSource }),
  z.object({ type: z.literal('bg:start-edit'), request: EditRequest }),
  /** Start the preset a menu click chose for this token (the page says when it has described the picture). */
  z.object({ type: z.literal('bg:run-preset'), token: z.string().min(1).max(100) }),
  /** The prompt script found the chosen picture: where its bytes are and where it sits on screen. */
  z.object({ type: z.literal('bg:set-target'), token: z.string().min(1).max(100), target: PageImageTarget }),
  /** Get (or wait for) the input image prepared for this source, to show what will be sent. */
  z.object({ type: z.literal('bg:prepare-input'), source: EditSource }),
  z.object({ type: z.literal('bg:cancel-job'), jobId: JobId }),
  z.object({ type: z.literal('bg:delete-job'), jobId: JobId }),
  z.object({ type: z.literal('bg:retry-job'), jobId: JobId }),
  /** Check a typed key with its provider (absent: Replicate, as before providers could be chosen). */
  z.object({ type: z.literal('bg:test-connection'), provider: Provider.optional(), baseUrl: z.string().max(2000), apiKey: z.string().max(1000) }),
  /** Read another model's inputs from its schema, with the typed (maybe unsaved) base URL and key. */
  z.object({ type: z.literal('bg:read-model'), model: z.string().max(300), baseUrl: z.string().max(2000), apiKey: z.string().max(1000) }),
  /** The popup is showing the job list: failures until now are seen (the badge leaves its error colour). */
  z.object({ type: z.literal('bg:failures-seen') }),
  /** Delete every finished edit of the history and its pictures (the popup asked the user first). */
  z.object({ type: z.literal('bg:clear-history') }),
  /** Show a finished edit's result in place of its picture on the page it came from (replace-on-page.ts). */
  z.object({ type: z.literal('bg:replace-on-page'), jobId: JobId }),
  /** Put the page's own picture back where a result replaced it. */
  z.object({ type: z.literal('bg:restore-original'), jobId: JobId }),
]);
export type BackgroundMessage = z.infer<typeof BackgroundMessage>;
export type BackgroundMessageType = BackgroundMessage['type'];

/** What the prompt box needs to show itself. */
export interface PromptContext {
  hasKey: boolean;
  aspectRatio: AspectRatio;
  outputFormat: OutputFormat;
  /** The image being edited, as a URL the caller can display (page URL or data: URI). */
  previewUrl?: string;
  /** Set when the source is gone (an expired menu click, a deleted result). */
  problem?: string;
  /** Instructions of the last edits, newest first, offered under the instruction (recent-instructions.ts). */
  recentInstructions?: string[];
  /** The edit's price and the month against the cap (spend/spend-gate.ts); absent when it could not be read. */
  spend?: SpendQuote;
  /** The model the edit will run and the options page's values of its inputs (the box's starting values). */
  model?: PromptModel;
}

/** The model the prompt box asks the inputs of (models/model-spec.ts). */
export interface PromptModel {
  spec: ModelSpec;
  values: ScalarRecord;
}

/** The prepared input of an edit, or why it cannot be prepared. */
export type PrepareInputResult =
  | {
    ok: true;
    summary: PreparedSummary;
    /** A small JPEG/PNG of what will be sent. */
    previewUri?: string;
    /** The picture could only be read from the page or the screen; access to all sites would have downloaded it (offered once). */
    offerSiteAccess?: boolean;
  }
  | { ok: false; message: string };

/** Whether the page now shows the result or its own picture again, or why neither could be done. */
export type ReplaceOnPageResult = { ok: true; state: 'replaced' | 'restored' } | { ok: false; message: string };

/**
 * `reason` marks refusals the page can help with: 'spend-cap' (offer to raise the monthly cap),
 * 'no-key' (offer the options page).
 */
export type StartEditResult = { ok: true; jobId: string } | { ok: false; message: string; reason?: 'spend-cap' | 'no-key' };
export type TestConnectionResult =
  | { ok: true; username: string; name?: string; /** Black Forest Labs has no account name: its balance instead. */ credits?: number }
  | { ok: false; verified: false; message: string };

/** The reply type of each background message. */
export interface BackgroundReplies {
  'bg:wake': { ok: true };
  'bg:open-options': { ok: true };
  'bg:prompt-context': PromptContext;
  'bg:start-edit': StartEditResult;
  'bg:run-preset': StartEditResult;
  'bg:set-target': { ok: boolean };
  'bg:prepare-input': PrepareInputResult;
  'bg:cancel-job': { ok: boolean };
  'bg:delete-job': { ok: boolean };
  'bg:retry-job': { ok: boolean };
  'bg:test-connection': TestConnectionResult;
  'bg:read-model': SpecResult;
  'bg:failures-seen': { ok: true };
  'bg:clear-history': { ok: true; deleted: number };
  'bg:replace-on-page': ReplaceOnPageResult;
  'bg:restore-original': ReplaceOnPageResult;
}

/** Messages the injected prompt box accepts from the background. */
export const PageMessage = z.discriminatedUnion('type', [
  /** Show the prompt box for the right-clicked image. */
  z.object({ type: z.literal('page:open-prompt'), token: z.string().min(1).max(100), srcUrl: z.string() }),
  /** Run a preset on the right-clicked image: describe the picture, start the edit, show how it went. */
  z.object({ type: z.literal('page:run-preset'), token: z.string().min(1).max(100), srcUrl: z.string(), presetName: z.string().max(200) }),
  /** Show the picker; the prompt box follows once a picture is picked. */
  z.object({ type: z.literal('page:pick'), token: z.string().min(1).max(100) }),
  /** Draw the chosen picture on a canvas in the page and answer its pixels (a PixelReadResult). */
  z.object({ type: z.literal('page:read-pixels'), token: z.string().min(1).max(100) }),
  /** Hide our own layer while the background takes a screenshot of the tab, then show it again. */
  z.object({ type: z.literal('page:screenshot'), token: z.string().min(1).max(100), phase: z.enum(['hide', 'show']) }),
  /** Show a result (its bytes: the script cannot read the extension's storage) in place of the job's picture. */
  z.object({
    type: z.literal('page:replace'),
    jobId: JobId,
    dataUri: z.string().startsWith('data:image/').max(200_000_000),
    token: z.string().min(1).max(100).optional(),
    srcUrl: z.string().optional(),
  }),
  /** Put back the page's own picture where the job's result replaced it. */
  z.object({ type: z.literal('page:restore'), jobId: JobId }),
]);
export type PageMessage = z.infer<typeof PageMessage>;
