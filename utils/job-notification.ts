import { browser } from 'wxt/browser';
import { blobToDataUri } from './image/data-uri';
import { getJobImage, type ImageRole } from './image-store';
import type { Job } from './job';
import { findJob as findStoredJob } from './history/find-job';
import { resultPageUrl } from './ui/result-page-url';

/**
 * The system notification of a finished job, and what clicking it does. One notification per job,
 * identified by `job:<id>`, so a later one for the same job (after Retry) replaces the earlier one.
 */
export const NOTIFICATION_PREFIX = 'job:';

/**
 * Shown when the job has no picture to show. Chrome refuses a 'basic' notification without an icon,
 * and the extension ships none: a 64 px disc in the accent colour, inlined (846 bytes).
 */
export const FALLBACK_NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAADFUlEQVR4AeXBP0hbeQAA4K+/PoirU8WpIrROguBkTyoBJw0diudScHIoHNTJ3uTgppN7J6FwJ9Kl0Ul4CEK7CFKnLOJwIHZyKme2O2ggicb885kmL9/3aO7lN/0s6HORzhrDKIYxiAE/XeMKFzhDQYdEHlYWs5jGJDKaU8QxjnCA2AOJJG8CS1jEkPZk8AIv8CcusYNtnEhQJDlZrCAneUN4h3fIYwuxBETubwzrWNAZOeSwizUU3EPkflax4ddYwALeY1ObIu15gg/I+fU28BuW8V2LgtZN4StyukcOXzGlRUFr5hBjRPcZQYw5LQiaN4c9ZHSvDPYwp0lBc6bwSe/4hClNCBp7go/I6B0ZfMQTDQSNfcCI3jOCDxoI6ltFTu/KYVUdkbuNYUPC9g7H1TM/cyphG/iMghqCu61Lj3V3CGrLYkF6LCCrhqC2FemzoobgtgnkpE8OE24IbluSXktuCG5blF6LbgiqZTEkvYaQVSGoNiv9ZlUIqk1Lv2kVgmqT0m9ShaBsDBnpl8GYkkjZqDbsHY5L0t7huFbMz5xqwygK/heUDesfw0qCskH9Y1BJUDagfwwoCfpcUHatf1wrCcqu9I8rJUHZhf5xoSRSdqYN8zOnWrF3OK6e+ZlTHXCmJCgroCj9iigoCaodS79jFYJqR9LvSIWg2oH0O1AhqBbjUnpdIlYhuG1Heu24IbhtW3ptuyG47QR56ZPHiRuC2rakz5Yagtpi7EqPXcRqCO62Jj3W3OHR3Mtv6ljFht72HpvuENS3ibzelcemOoLGlnGu95xjWQNBY9/xBkW9o4g3+K6BoDlf8FrveI0vmhA0bx/zKOpeRcxjX5OC1uwji3Pd5xxZ7GvB42dP32rRP/gbz/Fcd8jjFQpa9PjZ07fa8AN/4V/M+rXe4w/80IbI/WziM9axoLN2sYaCe4jcXwG/I4sV5DysPLYQS0AkOTFiTGAJixiSjEvsYBsnEhRJ3glOsIIsZjGNSWQ0p4hjHOEAsQcSeVgxYmVjGMUwBjHgp2tc4QJnKOiQSGcVUNBFgj73H7MKnommooVcAAAAAElFTkSuQmCC';

/** The notification id of a job. */
export function notificationIdFor(jobId: string): string {
  return NOTIFICATION_PREFIX + jobId;
}

/** The job a notification id stands for, or undefined for ids that are not ours. */
export function jobIdFromNotificationId(notificationId: string): string | undefined {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return undefined;
  return notificationId.slice(NOTIFICATION_PREFIX.length) || undefined;
}

/** The popup page, focused on one job (PopupApp reads the hash). */
export function popupUrlFor(jobId: string): string {
  return browser.runtime.getURL(`/popup.html#job=${encodeURIComponent(jobId)}`);
}

/** Title and text of a finished job's notification. */
export function notificationTextFor(job: Job): { title: string; message: string } {
  if (job.phase === 'done') return { title: 'Edit ready', message: job.prompt };
  return { title: 'Edit failed', message: job.error?.message ?? 'The edit did not finish.' };
}

/** A finished edit shows its result; a failed one the picture it started from. */
function iconRoleFor(job: Job): ImageRole {
  return job.phase === 'done' ? 'result-thumb' : 'input-thumb';
}

/** What showJobNotification reads and calls; the defaults are the browser's. */
export interface JobNotificationDeps {
  getImage(jobId: string, role: ImageRole): Promise<Blob | undefined>;
  create(id: string, options: { type: 'basic'; title: string; message: string; iconUrl: string }): Promise<string>;
}

const defaultDeps: JobNotificationDeps = {
  getImage: getJobImage,
  create: (id, options) => browser.notifications.create(id, options),
};

/**
 * Shows the notification of a finished job. Type 'basic' with the thumbnail as its icon: Chrome's
 * 'image' type exists nowhere else (Firefox, Edge on macOS) and the icon is enough to recognise the edit.
 * Chrome rejects an icon it cannot decode ("Unable to download all specified images"): retry with ours.
 */
export async function showJobNotification(job: Job, deps: JobNotificationDeps = defaultDeps): Promise<void> {
  const text = notificationTextFor(job);
  const id = notificationIdFor(job.id);
  const thumb = await deps.getImage(job.id, iconRoleFor(job)).catch(() => undefined);
  if (thumb) {
    try {
      await deps.create(id, { type: 'basic', ...text, iconUrl: await blobToDataUri(thumb) });
      return;
    } catch (error) {
      console.warn('Edit with Kontext: the notification refused the thumbnail; using the extension icon.', error);
    }
  }
  await deps.create(id, { type: 'basic', ...text, iconUrl: FALLBACK_NOTIFICATION_ICON });
}

/** What a notification click reads to choose the page; the default looks in the live list, then the history. */
export type FindJob = (jobId: string) => Promise<Pick<Job, 'phase'> | undefined>;

const findJobForClick: FindJob = findStoredJob;

/** Where a click on a job's notification leads: a finished edit's result page, or the popup page on that job. */
export async function notificationTargetFor(jobId: string, findJob: FindJob = findJobForClick): Promise<string> {
  const job = await findJob(jobId).catch(() => undefined);
  return job?.phase === 'done' ? resultPageUrl(jobId) : popupUrlFor(jobId);
}

/**
 * notifications.onClicked: opens the finished edit's result page (a failed one: the popup page on that
 * job) in a focused tab and clears the notification.
 */
export async function onNotificationClicked(notificationId: string, findJob: FindJob = findJobForClick): Promise<void> {
  const jobId = jobIdFromNotificationId(notificationId);
  if (jobId === undefined) return;
  await browser.notifications.clear(notificationId);
  const tab = await browser.tabs.create({ url: await notificationTargetFor(jobId, findJob), active: true });
  // The browser window may be behind another application when the notification is clicked.
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
}
