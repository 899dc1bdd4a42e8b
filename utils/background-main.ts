import { browser, type Browser } from 'wxt/browser';
import { createBadgeController } from './badge';
import { createBackgroundHandlers } from './background-handlers';
import { isAnyExtensionPageOpen } from './extension-pages';
import { followFailuresSeenUntil } from './failure-seen-store';
import { createFinishNotifier } from './finish-notifier';
import { createContextMenus, requestFromMenuClick } from './context-menus';
import { createAcquireInput, downloadResult, inputImage } from './job-io';
import { inputMaxBytes } from './input-upload';
import { browserInputPrep } from './input-prep-browser';
import { createInputPrepService } from './input-prep-service';
import { getSettings } from './settings-store';
import { createJobService } from './job-service';
import { getJobs, updateJob, watchJobs } from './job-store';
import { onNotificationClicked, showJobNotification } from './job-notification';
import { createMessageListener } from './message-router';
import { openPromptBox, runPresetOnPage } from './prompt-launcher';
import { createPresetStore, type PresetStore } from './presets/preset-store';
import { createPresetMenuSync } from './presets/preset-menu-sync';
import { browserBuiltMenuStore, browserMenuApi } from './presets/preset-menu-browser';
import { presetRequestFromMenuClick } from './presets/preset-menu';
import { createScheduler, JOBS_ALARM } from './scheduler';
import type { Job } from './job';
import { archiveFinishedJobs, isReadyToArchive } from './history/archive';
import { createSerialQueue } from './serial-queue';
import { registerReplacedOnPageCleanup } from './replace-on-page-state';

/**
 * Everything the background does, wired. Listeners are registered synchronously, first thing, so an
 * event that woke the worker is not missed; the work they trigger reads its state from storage.
 */
export function startBackground(): void {
  const now = () => Date.now();
  const limits = async () => {
    const settings = await getSettings();
    return { maxPixels: settings.maxInputPixels, maxBytes: await inputMaxBytes(settings.baseUrl) };
  };
  const prep = createInputPrepService({ now, io: browserInputPrep, limits });
  const jobs = createJobService({
    now,
    random: Math.random,
    newId: () => crypto.randomUUID(),
    io: { acquireInput: createAcquireInput({ prepare: prep.prepare, limits }), inputImage, downloadResult },
  });
  const scheduler = createScheduler({
    now,
    createAlarm: (name, when) => browser.alarms.create(name, { when }),
    clearAlarm: (name) => browser.alarms.clear(name),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    onDue: () => void jobs.resumeAll(),
  });

  const badge = createBadgeController(({ text, color }) => {
    void browser.action.setBadgeText({ text });
    void browser.action.setBadgeBackgroundColor({ color });
  });
  const notifier = createFinishNotifier({
    notify: (job) => showJobNotification(job),
    isAnyExtensionPageOpen: () => isAnyExtensionPageOpen(),
    markAnnounced: async (announced) => {
      // Only the very record announced: a job retried and finished again meanwhile keeps its new mark.
      await updateJob(announced.id, (job) =>
        job.announce && job.updatedAt === announced.updatedAt ? { ...job, announce: undefined } : job);
    },
  });

  // One pass at a time; a change arriving meanwhile is looked at by the next pass.
  const archive = createSerialQueue();
  const onJobsChanged = (list: Job[]) => {
    badge.setJobs(list);
    void notifier.onJobsChanged(list);
    if (list.some(isReadyToArchive)) {
      void archive(async () => archiveFinishedJobs(await getJobs(), now())).catch((error: unknown) => {
        // The jobs stay in the live list, nothing is lost; the next change tries again.
        console.warn('Edit with Kontext: could not move finished edits to the history.', error);
      });
    }
    void scheduler.rearm(list);
    void jobs.runQueue(list);
  };

  const presets = createPresetStore();
  const presetMenu = createPresetMenuSync(browserMenuApi, browserBuiltMenuStore);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void setUpMenus(presets, presetMenu);
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  // Presets changed on the options page or synced from another computer: the menu follows.
  presets.watch((list) => void presetMenu.update(list).catch((error: unknown) => {
    console.warn('Edit with Kontext: could not update the preset menu.', error);
  }));
  // Listening is what makes Chrome start the worker when the browser starts, so jobs that were in
  // flight at shutdown resume then (the resume itself is the top-level code below).
  browser.runtime.onStartup.addListener(() => undefined);
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab, presets));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === JOBS_ALARM) void getJobs().then(scheduler.onAlarm);
  });
  browser.runtime.onMessage.addListener(
    createMessageListener(createBackgroundHandlers(jobs, prep, now, presets), browser.runtime.id, browser.runtime.getURL('/')),
  );
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  watchJobs(onJobsChanged);
  followFailuresSeenUntil(badge.setSeenFailuresUntil);
  registerReplacedOnPageCleanup();

  // A fresh worker (after Chrome stopped the last one, or a browser restart) resumes from storage.
  void getJobs().then((list) => {
    onJobsChanged(list);
    return jobs.resumeAll();
  });
}

/**
 * On install and update (menus are wiped then): the whole menu at once from the presets there are,
 * then the default presets when there has never been a list (a fresh install, or an update from before
 * presets), which the preset watch adds to the menu.
 */
async function setUpMenus(presets: PresetStore, presetMenu: ReturnType<typeof createPresetMenuSync>): Promise<void> {
  await createContextMenus(presetMenu, await presets.list().catch(() => []));
  await presets.seedDefaults().catch((error: unknown) => console.warn('Edit with Kontext: could not write the default presets.', error));
}

/** Shows the prompt box for a right-clicked image, or runs the preset chosen for it. */
export async function onMenuClicked(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, presets: Pick<PresetStore, 'list'>): Promise<void> {
  try {
    const selection = requestFromMenuClick(info, tab);
    if (selection) return await openPromptBox(selection, crypto.randomUUID(), Date.now());
    const presetRun = presetRequestFromMenuClick(info, tab, await presets.list());
    if (presetRun) await runPresetOnPage(presetRun, crypto.randomUUID(), Date.now());
  } catch (error) {
    // Pages where extensions cannot run (the Web Store, browser pages, some PDF viewers).
    console.warn('Edit with Kontext: could not open the prompt box on this page.', error);
  }
}
