// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putHistoryEntries } from '../utils/history/history-store';
import { LONG_CHAIN_EDITS } from '../utils/history/tree';
import type { BackgroundMessage, PromptContext } from '../utils/messages';
import { makeChain } from '../utils/ui/testing/make-version';
import { EditAgainDialog } from './EditAgainDialog';
import { PromptBox } from './PromptBox';
import { ResultEditDialog } from './ResultEditDialog';

const context: PromptContext = { hasKey: true, aspectRatio: 'match_input_image', outputFormat: 'png' };

function answerPromptContext() {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: BackgroundMessage) =>
    message.type === 'bg:prompt-context' ? context : undefined) as never);
}

/** The box editing the last version of a chain of `length` edits. */
async function editEndOfChain(length: number, onEditEarlier?: () => void, onClose = vi.fn()) {
  answerPromptContext();
  await putHistoryEntries(makeChain(length));
  const jobId = `v${length}`;
  render(onEditEarlier ? <ResultEditDialog jobId={jobId} onClose={onClose} onEditEarlier={onEditEarlier} /> : <EditAgainDialog jobId={jobId} onClose={onClose} />);
  // The box has read the key by then; the chain is read alongside.
  await screen.findByRole('button', { name: 'Start edit' });
  return { onClose };
}

afterEach(cleanup);

describe('the long-chain warning in the prompt box', () => {
  it(`stays quiet below ${LONG_CHAIN_EDITS} chained edits`, async () => {
    await editEndOfChain(LONG_CHAIN_EDITS - 1);
    // Nothing to wait for when nothing shows: give the two IndexedDB reads ample time.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('note')).toBeNull();
  });

  it(`warns that quality drifts from ${LONG_CHAIN_EDITS} chained edits, and still lets the user go on`, async () => {
    const user = userEvent.setup();
    await editEndOfChain(LONG_CHAIN_EDITS);
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain(`${LONG_CHAIN_EDITS} edits away from the original`);
    expect(note.textContent).toMatch(/Quality drifts/);
    await user.type(screen.getByRole('textbox', { name: 'Edit instruction' }), 'one more');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Edit instruction' }).value).toBe('one more');
  });

  it('offers an earlier version through the page that shows the box', async () => {
    const user = userEvent.setup();
    const onEditEarlier = vi.fn();
    await editEndOfChain(LONG_CHAIN_EDITS + 1, onEditEarlier);
    await user.click(await screen.findByRole('button', { name: 'Edit an earlier version' }));
    expect(onEditEarlier).toHaveBeenCalledTimes(1);
  });

  it('opens the result page of that version by default (from the popup) and closes', async () => {
    const user = userEvent.setup();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const { onClose } = await editEndOfChain(LONG_CHAIN_EDITS, undefined);
    await user.click(await screen.findByRole('button', { name: 'Edit an earlier version' }));
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL(`/result.html#job=v${LONG_CHAIN_EDITS}`) });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('never looks for a chain when the box edits a picture on a page', async () => {
    answerPromptContext();
    await putHistoryEntries(makeChain(LONG_CHAIN_EDITS + 2));
    // As the prompt script shows it: no chain depth given, and the box reads none itself.
    render(<PromptBox source={{ kind: 'job', jobId: 'v8' }} onClose={() => {}} onOpenSettings={() => {}} />);
    await screen.findByRole('button', { name: 'Start edit' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('note')).toBeNull();
  });
});
