import { browser } from 'wxt/browser';
import { testConnection } from './connection-check';
import { markFailuresSeen } from './failure-seen-store';
import { getJob } from './job-store';
import type { JobService } from './job-service';
import type { Handlers } from './message-router';
import type { EditSource, PromptContext } from './messages';
import { getSelection } from './selection-store';
import { getSettings } from './settings-store';
import type { JobSource } from './job';

/** Resolves what an edit starts from; a selection must belong to the asking tab when a tab asks. */
async function resolveSource(source: EditSource, senderTabId: number | undefined, now: number): Promise<JobSource | string> {
  if (source.kind === 'job') {
    const job = await getJob(source.jobId);
    return job?.phase === 'done' ? { kind: 'job', jobId: job.id } : 'That result no longer exists.';
  }
  const selection = await getSelection(source.token, now);
  if (!selection || (senderTabId !== undefined && selection.tabId !== senderTabId)) {
    return 'This prompt box has expired. Right-click the image and choose Edit with Kontext again.';
  }
  const { srcUrl, pageUrl, pageTitle, tabId, frameId } = selection;
  return { kind: 'page', srcUrl, pageUrl, pageTitle, tabId, frameId };
}

/** The background's answers to every message of the protocol. */
export function createBackgroundHandlers(jobs: JobService, now: () => number): Handlers {
  return {
    'bg:wake': async () => {
      await jobs.resumeAll();
      return { ok: true };
    },
    'bg:open-options': async () => {
      await browser.runtime.openOptionsPage();
      return { ok: true };
    },
    'bg:prompt-context': async (message, sender) => {
      const [settings, hasKey, source] = await Promise.all([
        getSettings(), jobs.hasKey(), resolveSource(message.source, sender.tab?.id, now()),
      ]);
      const context: PromptContext = { hasKey, aspectRatio: settings.aspectRatio, outputFormat: settings.outputFormat };
      if (typeof source === 'string') context.problem = source;
      else if (source.kind === 'page') context.previewUrl = source.srcUrl;
      return context;
    },
    'bg:start-edit': async ({ request }, sender) => {
      if (!(await jobs.hasKey())) return { ok: false, message: 'Add your API key on the options page first.' };
      const source = await resolveSource(request.source, sender.tab?.id, now());
      if (typeof source === 'string') return { ok: false, message: source };
      const job = await jobs.start(request, source);
      return { ok: true, jobId: job.id };
    },
    'bg:cancel-job': async ({ jobId }) => ({ ok: await jobs.cancel(jobId) }),
    'bg:delete-job': async ({ jobId }) => ({ ok: await jobs.remove(jobId) }),
    'bg:retry-job': async ({ jobId }) => ({ ok: await jobs.retry(jobId) }),
    'bg:test-connection': async ({ baseUrl, apiKey }) => testConnection(baseUrl, apiKey),
    'bg:failures-seen': () => markFailuresSeen(now),
  };
}
