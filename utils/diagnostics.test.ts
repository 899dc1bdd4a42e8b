import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  appendDiagnostic, clearDiagnostics, DIAGNOSTICS_KEY, formatDiagnostics, getDiagnostics, MAX_DIAGNOSTICS, watchDiagnostics,
  type DiagnosticEntry,
} from './diagnostics';

const entry = (over: Partial<DiagnosticEntry> = {}): DiagnosticEntry => ({
  at: Date.UTC(2025, 0, 2, 3, 4, 5, 678), method: 'GET', host: 'api.replicate.com', path: '/v1/account', status: 200, ms: 41.6, ...over,
});

describe('diagnostics store', () => {
  it('keeps every entry appended at once, oldest first', async () => {
    await Promise.all([1, 2, 3].map((n) => appendDiagnostic(entry({ at: n }))));
    expect((await getDiagnostics()).map((e) => e.at)).toEqual([1, 2, 3]);
  });

  it(`keeps only the last ${MAX_DIAGNOSTICS}`, async () => {
    for (let n = 1; n <= MAX_DIAGNOSTICS + 3; n++) await appendDiagnostic(entry({ at: n }));
    const kept = await getDiagnostics();
    expect(kept).toHaveLength(MAX_DIAGNOSTICS);
    expect(kept[0]?.at).toBe(4);
    expect(kept.at(-1)?.at).toBe(MAX_DIAGNOSTICS + 3);
  });

  it('ignores invalid entries and drops stored records that no longer validate', async () => {
    await appendDiagnostic({ ...entry(), status: 'oops' } as unknown as DiagnosticEntry);
    expect(await getDiagnostics()).toEqual([]);
    await fakeBrowser.storage.local.set({ [DIAGNOSTICS_KEY.replace('local:', '')]: [entry({ at: 1 }), { at: 'x' }, entry({ at: 2 })] });
    expect((await getDiagnostics()).map((e) => e.at)).toEqual([1, 2]);
  });

  it('tells watchers about new entries and about a clear', async () => {
    const seen: number[] = [];
    const stop = watchDiagnostics((entries) => seen.push(entries.length));
    await appendDiagnostic(entry());
    await appendDiagnostic(entry({ status: 401 }));
    await clearDiagnostics();
    await vi.waitFor(() => expect(seen).toEqual([1, 2, 0]));
    stop();
    expect(await getDiagnostics()).toEqual([]);
  });
});

describe('diagnostics report', () => {
  it('writes one line per exchange, oldest first, after the version and browser', () => {
    const text = formatDiagnostics(
      [
        entry({ at: Date.UTC(2025, 0, 2, 3, 5), method: 'POST', path: '/v1/models/o/m/predictions', status: null, ms: 20000, error: 'TimeoutError: too slow' }),
        entry({ status: 401, error: 'You did not pass a valid authentication token' }),
      ],
      { version: '1.2.3', userAgent: 'TestBrowser/9' },
    );
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Edit with Kontext diagnostics', 'Version: 1.2.3', 'Browser: TestBrowser/9']);
    const exchanges = lines.filter((line) => line.startsWith('2025-'));
    expect(exchanges).toEqual([
      '2025-01-02T03:04:05.678Z GET api.replicate.com/v1/account 401 42ms You did not pass a valid authentication token',
      '2025-01-02T03:05:00.000Z POST api.replicate.com/v1/models/o/m/predictions no-response 20000ms TimeoutError: too slow',
    ]);
  });

  it('says when nothing was recorded', () => {
    expect(formatDiagnostics([], { version: '1', userAgent: 'UA' })).toContain('(none recorded)');
  });
});
