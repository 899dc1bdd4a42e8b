// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ResultDeps } from '../utils/ui/result-actions';
import { MISSING_RESULT_MESSAGE } from '../utils/ui/result-actions';
import { makeJob } from '../utils/ui/testing/make-job';
import { ResultActions } from './ResultActions';

function fakeDeps(blob: Blob | undefined): ResultDeps {
  return {
    getImage: vi.fn(async () => blob),
    download: vi.fn(async () => 1),
    writeClipboard: vi.fn(async () => {}),
    convertToPng: vi.fn(async () => new Blob(['png'], { type: 'image/png' })),
    now: () => 0,
  };
}

const job = makeJob({ id: 'v2', phase: 'done', prompt: 'add stars', completedAt: 1_700_000_000_000 });

afterEach(cleanup);

describe('ResultActions', () => {
  it('saves the version shown to the downloads and says so', async () => {
    const user = userEvent.setup();
    const deps = fakeDeps(new Blob(['jpeg'], { type: 'image/jpeg' }));
    render(<ResultActions job={job} label="Version 2: add stars" hasEdits={false} onEditAgain={() => {}} resultDeps={deps} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved to your downloads.')).toBeTruthy();
    expect(deps.download).toHaveBeenCalledWith(expect.objectContaining({ filename: expect.stringMatching(/^kontext-add-stars-/), saveAs: false }));
  });

  it('copies it, and says plainly when the picture is gone', async () => {
    const user = userEvent.setup();
    render(<ResultActions job={job} label="Version 2: add stars" hasEdits={false} onEditAgain={() => {}} resultDeps={fakeDeps(new Blob(['x'], { type: 'image/png' }))} />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Copied')).toBeTruthy();
    cleanup();
    render(<ResultActions job={job} label="Version 2: add stars" hasEdits={false} onEditAgain={() => {}} resultDeps={fakeDeps(undefined)} />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect((await screen.findByRole('alert')).textContent).toBe(MISSING_RESULT_MESSAGE);
  });

  it('says that edits made from the version stay when it is deleted', async () => {
    const user = userEvent.setup();
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    render(<ResultActions job={job} label="Version 2: add stars" hasEdits onEditAgain={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this version?' });
    expect(dialog.textContent).toContain('Version 2: add stars');
    expect(dialog.textContent).toContain('The edits made from it stay');
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });
});
