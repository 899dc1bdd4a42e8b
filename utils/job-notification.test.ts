import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeJob } from '../tests/unit/make-job';
import { bytesToBase64 } from './image/data-uri';
import { entryFromJob } from './history/history-entry';
import { putHistoryEntries } from './history/history-store';
import { putJobImage } from './image-store';
import { addJob } from './job-store';
import {
  FALLBACK_NOTIFICATION_ICON,
  jobIdFromNotificationId,
  notificationIdFor,
  notificationTargetFor,
  onNotificationClicked,
  showJobNotification,
} from './job-notification';

const thumbBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const thumbUri = `data:image/jpeg;base64,${bytesToBase64(thumbBytes)}`;

function shown() {
  return fakeBrowser.notifications.getAllCreateOptions() as Record<string, { type: string; title: string; message: string; iconUrl: string }>;
}

describe('notification ids', () => {
  it('round-trips a job id, and ignores ids that are not ours', () => {
    expect(jobIdFromNotificationId(notificationIdFor('abc-123'))).toBe('abc-123');
    expect(notificationIdFor('abc')).toBe('job:abc');
    expect(jobIdFromNotificationId('other:abc')).toBeUndefined();
    expect(jobIdFromNotificationId('job:')).toBeUndefined();
  });
});

describe('showJobNotification', () => {
  it('says "Edit ready" with the prompt and the result thumbnail for a finished edit', async () => {
    const job = makeJob({ id: 'ok-1', phase: 'done', prompt: 'Make it night' });
    await putJobImage(job.id, 'result-thumb', new Blob([thumbBytes], { type: 'image/jpeg' }));
    await showJobNotification(job);
    expect(shown()).toEqual({ 'job:ok-1': { type: 'basic', title: 'Edit ready', message: 'Make it night', iconUrl: thumbUri } });
  });

  it('says "Edit failed" with the reason, showing the picture the edit started from', async () => {
    const job = makeJob({ id: 'bad-1', phase: 'failed', error: { code: 'insufficient-credit', message: 'Your account is out of credit.' } });
    await putJobImage(job.id, 'input-thumb', new Blob([thumbBytes], { type: 'image/jpeg' }));
    await showJobNotification(job);
    expect(shown()['job:bad-1']).toEqual({ type: 'basic', title: 'Edit failed', message: 'Your account is out of credit.', iconUrl: thumbUri });
  });

  it('uses the extension icon when the job has no picture', async () => {
    await showJobNotification(makeJob({ id: 'bare', phase: 'failed', error: { code: 'image', message: 'The image could not be read.' } }));
    expect(shown()['job:bare']?.iconUrl).toBe(FALLBACK_NOTIFICATION_ICON);
    expect(FALLBACK_NOTIFICATION_ICON).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('retries with the extension icon when the browser refuses the thumbnail', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const job = makeJob({ id: 'odd', phase: 'done' });
    await putJobImage(job.id, 'result-thumb', new Blob([thumbBytes], { type: 'image/jpeg' }));
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    create.mockRejectedValueOnce(new Error('Unable to download all specified images.'));
    await showJobNotification(job);
    expect(create).toHaveBeenCalledTimes(2);
    expect(shown()['job:odd']?.iconUrl).toBe(FALLBACK_NOTIFICATION_ICON);
  });

  it('replaces the earlier notification of the same job', async () => {
    await showJobNotification(makeJob({ id: 'r', phase: 'failed', error: { code: 'server', message: 'Provider error.' } }));
    await showJobNotification(makeJob({ id: 'r', phase: 'done', prompt: 'Add a hat' }));
    expect(Object.keys(shown())).toEqual(['job:r']);
    expect(shown()['job:r']?.title).toBe('Edit ready');
  });
});

describe('onNotificationClicked', () => {
  it('opens the result page of a finished edit in a focused tab and clears the notification', async () => {
    await showJobNotification(makeJob({ id: 'j 1', phase: 'done' }));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const focus = vi.spyOn(fakeBrowser.windows, 'update');
    await onNotificationClicked('job:j 1', async () => makeJob({ id: 'j 1', phase: 'done' }));
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/result.html#job=j%201'), active: true });
    expect(focus).toHaveBeenCalledWith(expect.any(Number), { focused: true });
    expect(shown()).toEqual({});
  });

  it('opens the popup page on a failed edit, which has no result to show', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNotificationClicked('job:bad', async () => makeJob({ id: 'bad', phase: 'failed' }));
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/popup.html#job=bad'), active: true });
  });

  it('finds a finished edit in the history, where it moves shortly after its notification', async () => {
    const job = makeJob({ id: 'kept', phase: 'done', createdAt: 5 });
    await putHistoryEntries([entryFromJob(job, undefined, 10)]);
    expect(await notificationTargetFor('kept')).toBe(fakeBrowser.runtime.getURL('/result.html#job=kept'));
  });

  it('finds one still in the live list, and falls back to the popup for an edit nowhere to be found', async () => {
    await addJob(makeJob({ id: 'live', phase: 'done' }));
    expect(await notificationTargetFor('live')).toBe(fakeBrowser.runtime.getURL('/result.html#job=live'));
    expect(await notificationTargetFor('gone')).toBe(fakeBrowser.runtime.getURL('/popup.html#job=gone'));
  });

  it('ignores notifications that are not a job', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNotificationClicked('something-else');
    expect(create).not.toHaveBeenCalled();
  });
});
