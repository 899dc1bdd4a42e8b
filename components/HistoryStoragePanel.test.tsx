// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryImportError } from '../utils/history/import-history';
import type { HistoryStorageDeps } from '../utils/ui/history-storage-deps';
import { HistoryStoragePanel } from './HistoryStoragePanel';

const GB = 1e9;

function fakeDeps(overrides: Partial<HistoryStorageDeps> = {}) {
  let edits = 2;
  const listeners = new Set<() => void>();
  const deps: HistoryStorageDeps = {
    estimate: vi.fn(async () => ({ usage: 12_345_678, quota: 250 * GB })),
    persisted: vi.fn(async () => true),
    countEdits: vi.fn(async () => edits),
    watch: (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    exportHistory: vi.fn(async () => ({ blob: new Blob(['zip']), entries: edits, images: edits * 4 })),
    importHistory: vi.fn(async () => {
      edits += 3;
      return { imported: 3, alreadyThere: 1, missingResult: 0, unreadable: 0, newer: 0 };
    }),
    save: vi.fn(async () => undefined),
    now: () => new Date(2026, 10, 26, 15, 0).getTime(),
    ...overrides,
  };
  return deps;
}

const section = () => screen.getByRole('region', { name: 'History and storage' });

afterEach(cleanup);

describe('HistoryStoragePanel', () => {
  it('shows the edits kept, the space used and that storage is persistent, with no warning when there is room', async () => {
    render(<HistoryStoragePanel deps={fakeDeps()} />);
    expect(await screen.findByText('2 edits kept in the history.')).toBeTruthy();
    expect(await screen.findByText('Space used: 12.3 MB of 250 GB the browser allows the extension.')).toBeTruthy();
    expect(await screen.findByText(/^Storage is persistent/)).toBeTruthy();
    expect(section().textContent).not.toMatch(/running low|almost full/);
  });

  it('says when storage is not persistent, and warns when it runs low', async () => {
    render(<HistoryStoragePanel deps={fakeDeps({ persisted: async () => false, estimate: async () => ({ usage: 9.7 * GB, quota: 10 * GB }) })} />);
    expect(await screen.findByText(/^Storage is not persistent/)).toBeTruthy();
    expect((await screen.findByText(/^Storage is running low: 300 MB left/)).textContent).toContain('Export your history');
  });

  it('exports everything into a dated file and says so', async () => {
    const user = userEvent.setup();
    const deps = fakeDeps();
    render(<HistoryStoragePanel deps={deps} />);
    await screen.findByText('2 edits kept in the history.');
    await user.click(screen.getByRole('button', { name: 'Export history' }));
    expect(await screen.findByText('Exported 2 edits to kontext-history-2026-11-26.zip.')).toBeTruthy();
    expect(deps.save).toHaveBeenCalledWith(expect.any(Blob), 'kontext-history-2026-11-26.zip');
  });

  it('offers no export while the history is empty', async () => {
    render(<HistoryStoragePanel deps={fakeDeps({ countEdits: async () => 0 })} />);
    await screen.findByText('0 edits kept in the history.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export history' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import history…' }).disabled).toBe(false);
  });

  it('imports a chosen file, reports what it did and counts again', async () => {
    const user = userEvent.setup();
    const deps = fakeDeps();
    render(<HistoryStoragePanel deps={deps} />);
    await screen.findByText('2 edits kept in the history.');
    const input = screen.getByLabelText<HTMLInputElement>('History file to import');
    const opened = vi.spyOn(input, 'click');
    await user.click(screen.getByRole('button', { name: 'Import history…' }));
    expect(opened).toHaveBeenCalled();

    const file = new File(['zip'], 'kontext-history-2026-11-01.zip', { type: 'application/zip' });
    await user.upload(input, file);
    expect(await screen.findByText('3 edits imported, 1 already there.')).toBeTruthy();
    expect(deps.importHistory).toHaveBeenCalledWith(file);
    expect(await screen.findByText('5 edits kept in the history.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows why a file was refused', async () => {
    const user = userEvent.setup();
    const refusal = 'This file is not a history export of Edit with Kontext: it is not a zip archive.';
    render(<HistoryStoragePanel deps={fakeDeps({ importHistory: async () => Promise.reject(new HistoryImportError(refusal)) })} />);
    await user.upload(screen.getByLabelText('History file to import'), new File(['hello'], 'notes.zip'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(refusal));
  });
});
