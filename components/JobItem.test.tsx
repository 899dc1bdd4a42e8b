// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putJobImage } from '../utils/image-store';
import type { Job } from '../utils/job';
import type { BackgroundMessage } from '../utils/messages';
import { makeJob } from '../utils/ui/testing/make-job';
import { JobItem } from './JobItem';

const STATUS_WORDS = ['Uploading', 'Starting', 'Processing', 'Done', 'Failed', 'Canceled'];
const ALL_BUTTONS = ['Cancel', 'Save', 'Copy', 'Edit again', 'Delete', 'Retry'];

function renderItem(job: Job, onEditAgain = vi.fn()) {
  render(<ul><JobItem job={job} onEditAgain={onEditAgain} /></ul>);
  return { item: screen.getByRole('listitem'), onEditAgain };
}

function buttonNames(item: HTMLElement): string[] {
  return within(item).queryAllByRole('button').map((button) => button.textContent ?? '');
}

function statusWordsIn(item: HTMLElement): string[] {
  return STATUS_WORDS.flatMap((word) => within(item).queryAllByText(word).map(() => word));
}

afterEach(cleanup);

describe('JobItem', () => {
  it.each<[string, Partial<Job>, string, string[]]>([
    ['acquiring', { phase: 'acquiring', remoteStatus: undefined }, 'Uploading', ['Cancel']],
    ['creating', { phase: 'creating', remoteStatus: undefined }, 'Starting', ['Cancel']],
    ['polling (starting)', { phase: 'polling', remoteStatus: 'starting' }, 'Starting', ['Cancel']],
    ['polling (processing)', { phase: 'polling', remoteStatus: 'processing' }, 'Processing', ['Cancel']],
    ['done', { phase: 'done', remoteStatus: 'succeeded', completedAt: 1_700_000_009_000 }, 'Done', ['Save', 'Copy', 'Edit again', 'Replace on page', 'Delete']],
    ['failed', { phase: 'failed', error: { code: 'moderated', message: 'Flagged as sensitive.' } }, 'Failed', ['Retry', 'Delete']],
    ['canceled', { phase: 'canceled', remoteStatus: 'canceled' }, 'Canceled', ['Retry', 'Delete']],
    ['failed at the monthly cap', { phase: 'failed', error: { code: 'spend-cap', message: 'Monthly spending cap reached.' } }, 'Failed', ['Retry', 'Raise the cap', 'Delete']],
  ])('shows one status word and the right buttons when %s', (_name, fields, word, buttons) => {
    const { item } = renderItem(makeJob({ prompt: 'Add a tiny hat', ...fields }));
    expect(within(item).getByText('Add a tiny hat')).toBeTruthy();
    expect(within(item).getByText(word).className).toBe('job-status');
    expect(statusWordsIn(item)).toEqual([word]);
    expect(buttonNames(item).sort()).toEqual([...buttons].sort());
    for (const absent of ALL_BUTTONS.filter((name) => !buttons.includes(name))) {
      expect(within(item).queryByRole('button', { name: absent })).toBeNull();
    }
  });

  it('marks itself current and scrolls into view when it is the focused job, and only then', () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => undefined);
    const { item } = renderItem(makeJob({ phase: 'done' }));
    expect(item.hasAttribute('aria-current')).toBe(false);
    expect(scroll).not.toHaveBeenCalled();
    cleanup();
    render(<ul><JobItem job={makeJob({ phase: 'done' })} onEditAgain={vi.fn()} focused /></ul>);
    const focused = screen.getByRole('listitem', { current: true });
    expect(scroll.mock.contexts).toEqual([focused]);
  });

  it('shows a failed job’s error message as text in its item', () => {
    const { item } = renderItem(makeJob({ phase: 'failed', error: { code: 'unauthenticated', message: 'The API key was refused. Check it on the options page.' } }));
    expect(within(item).getByText('The API key was refused. Check it on the options page.')).toBeTruthy();
  });

  it('names the result image after the prompt', async () => {
    const job = makeJob({ phase: 'done', prompt: 'Paint it like Monet', completedAt: 1_700_000_005_000 });
    await putJobImage(job.id, 'result', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }));
    const { item } = renderItem(job);
    const image = await within(item).findByRole('img', { name: /Paint it like Monet/ });
    expect(image.getAttribute('src')).toMatch(/^blob:/);
  });

  it('shows the total time of a finished job', () => {
    const { item } = renderItem(makeJob({ phase: 'done', createdAt: 1_000_000, updatedAt: 1_070_000, completedAt: 1_065_000 }));
    expect(within(item).getByText('1 min 05 s')).toBeTruthy();
  });

  it('shows a passing notice while the job runs', () => {
    const { item } = renderItem(makeJob({ phase: 'polling', notice: 'Rate limited; trying again in 30 s.' }));
    expect(within(item).getByText('Rate limited; trying again in 30 s.')).toBeTruthy();
  });

  it('sends cancel, retry and delete for its own job', async () => {
    const user = userEvent.setup();
    const sent: BackgroundMessage[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) => {
      sent.push(message);
      return { ok: true };
    }) as never);
    const running = makeJob({ phase: 'polling' });
    renderItem(running);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    cleanup();
    const failed = makeJob({ phase: 'failed', error: { code: 'network', message: 'Offline.' } });
    renderItem(failed);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(sent).toEqual([
      { type: 'bg:cancel-job', jobId: running.id },
      { type: 'bg:retry-job', jobId: failed.id },
      { type: 'bg:delete-job', jobId: failed.id },
    ]);
  });

  it('opens the options page at Spending to raise the cap, for a job the cap stopped', async () => {
    const opened = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    renderItem(makeJob({ phase: 'failed', error: { code: 'spend-cap', message: 'Monthly spending cap reached.' } }));
    await userEvent.click(screen.getByRole('button', { name: 'Raise the cap' }));
    expect(opened).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#spending$/) });
  });

  it('disables Cancel once a cancel has been asked for', () => {
    renderItem(makeJob({ phase: 'polling', cancelRequested: true }));
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Cancel' }).disabled).toBe(true);
  });

  it('asks to edit the result again', async () => {
    const job = makeJob({ phase: 'done' });
    const { onEditAgain } = renderItem(job);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Edit again' }));
    expect(onEditAgain).toHaveBeenCalledWith(job.id);
  });

  it('saves the result as a download named after the prompt', async () => {
    const download = vi.spyOn(fakeBrowser.downloads, 'download').mockResolvedValue(undefined as never);
    const job = makeJob({ phase: 'done', prompt: 'Add snow', completedAt: new Date(2025, 0, 2, 3, 4, 5).getTime() });
    await putJobImage(job.id, 'result', new Blob([new Uint8Array([9])], { type: 'image/jpeg' }));
    renderItem(job);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(download).toHaveBeenCalledWith(expect.objectContaining({ filename: 'kontext-add-snow-20250102-030405.jpg', saveAs: false }));
  });

  it('explains a copy that failed instead of failing silently', async () => {
    const job = makeJob({ phase: 'done' });
    renderItem(job);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Copy' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no longer stored/);
  });
});
