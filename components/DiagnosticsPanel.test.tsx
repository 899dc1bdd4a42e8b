// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendDiagnostic, getDiagnostics, type DiagnosticEntry } from '../utils/diagnostics';
import type { DiagnosticsDeps } from '../utils/ui/diagnostics-deps';
import { DiagnosticsPanel } from './DiagnosticsPanel';

const T0 = Date.UTC(2025, 4, 6, 7, 8, 9);
const entry = (over: Partial<DiagnosticEntry>): DiagnosticEntry => ({
  at: T0, method: 'GET', host: 'api.replicate.com', path: '/v1/account', status: 200, ms: 120, ...over,
});

function fakeDeps(writeText: DiagnosticsDeps['writeText'] = vi.fn(async () => undefined)): DiagnosticsDeps {
  return { writeText, meta: () => ({ version: '9.8.7', userAgent: 'FakeBrowser/1' }) };
}

/** The body rows, each as its cells' text. */
function rows(): string[][] {
  return screen.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent ?? ''));
}

afterEach(cleanup);

describe('DiagnosticsPanel', () => {
  it('says when nothing was recorded, and offers nothing to clear', async () => {
    render(<DiagnosticsPanel deps={fakeDeps()} />);
    expect(screen.getByRole('heading', { name: 'Diagnostics' })).toBeTruthy();
    expect(await screen.findByText(/No exchanges with the API yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Clear diagnostics' }).disabled).toBe(true);
  });

  it('lists the exchanges newest first and follows new ones live', async () => {
    await appendDiagnostic(entry({ at: T0, status: 200, ms: 95.4 }));
    await appendDiagnostic(entry({ at: T0 + 1_000, method: 'POST', path: '/v1/models/o/m/predictions', status: null, ms: 20_000, error: 'TimeoutError: too slow' }));
    render(<DiagnosticsPanel deps={fakeDeps()} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows().map((cells) => cells.slice(1))).toEqual([
      ['POST', '/v1/models/o/m/predictions', 'No answer', '20000 ms', 'TimeoutError: too slow'],
      ['GET', '/v1/account', '200', '95 ms', ''],
    ]);
    expect(screen.getAllByRole('row')[1]?.querySelector('time')?.getAttribute('datetime')).toBe(new Date(T0 + 1_000).toISOString());

    await appendDiagnostic(entry({ at: T0 + 2_000, status: 401, error: 'You did not pass a valid authentication token' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[0]?.slice(1)).toEqual(['GET', '/v1/account', '401', '120 ms', 'You did not pass a valid authentication token']);
  });

  it('copies the report as text and says so', async () => {
    await appendDiagnostic(entry({ status: 401, error: 'You did not pass a valid authentication token' }));
    const writeText = vi.fn(async (_text: string) => undefined);
    const user = userEvent.setup();
    render(<DiagnosticsPanel deps={fakeDeps(writeText)} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }));

    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(writeText).toHaveBeenCalledTimes(1);
    const text = writeText.mock.calls[0]?.[0] ?? '';
    expect(text).toContain('Version: 9.8.7');
    expect(text).toContain(`${new Date(T0).toISOString()} GET api.replicate.com/v1/account 401 120ms You did not pass a valid authentication token`);
  });

  it('explains a refused copy', async () => {
    const user = userEvent.setup();
    render(<DiagnosticsPanel deps={fakeDeps(() => Promise.reject(new Error('Document is not focused.')))} />);
    await user.click(await screen.findByRole('button', { name: 'Copy diagnostics' }));
    expect(await screen.findByText('Could not copy: Document is not focused.')).toBeTruthy();
  });

  it('clears the log', async () => {
    await appendDiagnostic(entry({}));
    const user = userEvent.setup();
    render(<DiagnosticsPanel deps={fakeDeps()} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Clear diagnostics' }));
    expect(await screen.findByText(/No exchanges with the API yet/)).toBeTruthy();
    expect(await getDiagnostics()).toEqual([]);
  });
});
