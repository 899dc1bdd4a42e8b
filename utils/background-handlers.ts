import { browser } from 'wxt/browser';
import { testConnection } from './connection-check';
import { markFailuresSeen } from './failure-seen-store';
import { findJob } from './history/find-job';
import { clearHistory } from './history/history-store';
import type { JobService } from './job-service';
import type { Handlers } from './message-router';
import type { EditRequest, EditSource, PrepareInputResult, PromptContext, StartEditResult } from './messages';
import { blobToDataUri } from './image/data-uri';
import { getJobImage } from './image-store';
import { preparedImageId } from './input-prep';
import { EXPIRED_SELECTION, type InputPrepService } from './input-prep-service';
import { getSelection, updateSelection, type PreparedSummary } from './selection-store';
import { ALL_SITES } from './ui/site-access';
import { storage } from 'wxt/utils/storage';
import { getSettings } from './settings-store';
import { getRecentInstructions, rememberInstruction } from './recent-instructions';
import type { JobSource } from './job';
import { replaceOnPage, restoreOriginal } from './replace-on-page';
import { browserReplaceDeps } from './replace-on-page-browser';
import { getJobs } from './job-store';
import { quoteEdit, SpendCapError } from './spend/spend-gate';
import { ModelInputError } from './models/model-input-error';
import { promptModelOf } from './models/prompt-model';
import { readModelSpec } from './models/read-model';
import type { PresetStore } from './presets/preset-store';
import { claimPresetRun, PRESET_GONE_MESSAGE, presetEditRequest } from './presets/preset-run';

/** Why an edit cannot start without a key (the page offers the options page beside it). */
export const NO_KEY_MESSAGE = 'Add your API key on the options page first.';

/** Set once the prompt box has offered access to all sites (it offers it once). */
const siteAccessOffered = storage.defineItem<boolean>('local:siteAccessOffered', { fallback: false });

/** Resolves what an edit starts from; a selection must belong to the asking tab when a tab asks. */
async function resolveSource(source: EditSource, senderTabId: number | undefined, now: number): Promise<JobSource | string> {
  if (source.kind === 'job') {
    const job = await findJob(source.jobId);
    return job?.phase === 'done' ? { kind: 'job', jobId: job.id } : 'That result no longer exists.';
  }
  const selection = await getSelection(source.token, now);
  if (!selection || (senderTabId !== undefined && selection.tabId !== senderTabId)) return EXPIRED_SELECTION;
  const { pageUrl, pageTitle, tabId, frameId } = selection;
  const srcUrl = selection.target?.candidates[0]?.url ?? selection.srcUrl;
  return { kind: 'page', srcUrl, token: source.token, pageUrl, pageTitle, tabId, frameId };
}

/**
 * Whether to offer access to all sites in the prompt box: the picture has a web address the background
 * could have downloaded with that access, but had to be read from the page or the screen instead. Once
 * per installation: after that the options page has it, and the box does not nag.
 */
async function shouldOfferSiteAccess(summary: PreparedSummary, candidates: readonly { url: string }[]): Promise<boolean> {
  if (summary.via !== 'screenshot' && summary.via !== 'page-pixels') return false;
  if (!candidates.some((candidate) => /^https?:/i.test(candidate.url))) return false;
  if (await siteAccessOffered.getValue()) return false;
  if (await browser.permissions.contains({ origins: ALL_SITES }).catch(() => false)) return false;
  await siteAccessOffered.setValue(true);
  return true;
}

/** What an edit of an earlier result sends: that result, as it is stored. */
async function resultSummary(jobId: string): Promise<PrepareInputResult> {
  const job = await findJob(jobId);
  if (job?.phase !== 'done' || !job.result) return { ok: false, message: 'That result no longer exists.' };
  const thumb = await getJobImage(jobId, 'result-thumb');
  const { width, height, bytes, type } = job.result;
  return {
    ok: true,
    summary: { width, height, bytes, type, via: 'result', sourceWidth: width, sourceHeight: height, sourceType: type, notes: [] },
    previewUri: thumb ? await blobToDataUri(thumb) : undefined,
  };
}

/** The background's answers to every message of the protocol. */
export function createBackgroundHandlers(
  jobs: JobService,
  prep: InputPrepService,
  now: () => number,
  presets: Pick<PresetStore, 'list'>,
): Handlers {
  /** Starts an edit from the prompt box or a preset; refusals come back as words for the page. */
  async function startEdit(request: EditRequest, senderTabId: number | undefined): Promise<StartEditResult> {
    if (!(await jobs.hasKey())) return { ok: false, message: NO_KEY_MESSAGE, reason: 'no-key' };
    const source = await resolveSource(request.source, senderTabId, now());
    if (typeof source === 'string') return { ok: false, message: source };
    try {
      return { ok: true, jobId: (await jobs.start(request, source)).id };
    } catch (error) {
      if (error instanceof SpendCapError) return { ok: false, message: error.message, reason: 'spend-cap' };
      if (error instanceof ModelInputError) return { ok: false, message: error.message };
      throw error;
    }
  }

  return {
    'bg:wake': async () => {
      await jobs.resumeAll();
      return { ok: true };
    },
    'bg:open-options': async ({ section }) => {
      if (section) await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
      else await browser.runtime.openOptionsPage();
      return { ok: true };
    },
    'bg:prompt-context': async (message, sender) => {
      const [settings, hasKey, source, recentInstructions] = await Promise.all([
        getSettings(), jobs.hasKey(), resolveSource(message.source, sender.tab?.id, now()), getRecentInstructions().catch(() => []),
      ]);
      const context: PromptContext = { hasKey, aspectRatio: settings.aspectRatio, outputFormat: settings.outputFormat, recentInstructions };
      context.spend = await quoteEdit(settings.model, settings.provider, await getJobs(), now()).catch(() => undefined);
      context.model = promptModelOf(settings);
      if (typeof source === 'string') context.problem = source;
      else if (source.kind === 'page' && source.srcUrl) context.previewUrl = source.srcUrl;
      return context;
    },
    'bg:start-edit': async ({ request }, sender) => {
      const result = await startEdit(request, sender.tab?.id);
      // Offered again in the prompt box; losing one is harmless, so it never fails the edit.
      if (result.ok) await rememberInstruction(request.prompt).catch(() => undefined);
      return result;
    },
    'bg:run-preset': async ({ token }, sender) => {
      // Checked before the claim: the note's "Try again" after adding the key runs this same click.
      if (!(await jobs.hasKey())) return { ok: false, message: NO_KEY_MESSAGE, reason: 'no-key' };
      const presetId = await claimPresetRun(token, sender.tab?.id, now());
      if (!presetId) return { ok: false, message: EXPIRED_SELECTION };
      const preset = (await presets.list()).find((p) => p.id === presetId);
      if (!preset) return { ok: false, message: PRESET_GONE_MESSAGE };
      return startEdit(presetEditRequest(preset, token, await getSettings()), sender.tab?.id);
    },
    'bg:set-target': async ({ token, target }, sender) => {
      // Only the prompt script of the tab and frame the click happened in may describe its picture.
      const updated = await updateSelection(token, now(), (selection) =>
        selection.tabId === sender.tab?.id && selection.frameId === (sender.frameId ?? 0) && !selection.prepared
          ? { ...selection, target }
          : selection);
      return { ok: updated?.target === target };
    },
    'bg:prepare-input': async ({ source }, sender) => {
      if (source.kind === 'job') return resultSummary(source.jobId);
      const selection = await getSelection(source.token, now());
      if (!selection || (sender.tab?.id !== undefined && selection.tabId !== sender.tab.id)) return { ok: false, message: EXPIRED_SELECTION };
      const result = await prep.prepare(source.token);
      if (!result.ok) return result;
      const thumb = await getJobImage(preparedImageId(source.token), 'input-thumb');
      const offerSiteAccess = await shouldOfferSiteAccess(result.summary, selection.target?.candidates ?? []);
      return { ...result, previewUri: thumb ? await blobToDataUri(thumb) : undefined, offerSiteAccess };
    },
    'bg:cancel-job': async ({ jobId }) => ({ ok: await jobs.cancel(jobId) }),
    'bg:delete-job': async ({ jobId }) => ({ ok: await jobs.remove(jobId) }),
    'bg:retry-job': async ({ jobId }) => ({ ok: await jobs.retry(jobId) }),
    'bg:test-connection': async ({ provider, baseUrl, apiKey }) => testConnection({ provider, baseUrl, apiKey }),
    'bg:read-model': async ({ model, baseUrl, apiKey }) => readModelSpec({ model, baseUrl, apiKey }),
    'bg:failures-seen': () => markFailuresSeen(now),
    'bg:clear-history': async () => ({ ok: true, deleted: await clearHistory() }),
    'bg:replace-on-page': ({ jobId }) => replaceOnPage(jobId, browserReplaceDeps),
    'bg:restore-original': ({ jobId }) => restoreOriginal(jobId, browserReplaceDeps),
  };
}
