// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { recordEntry } from '../utils/spend/ledger-store';
import { saveSpendSettings } from '../utils/spend/spend-settings';
import { SpendLine } from './SpendLine';

const NOW = Date.UTC(2026, 10, 15);
const entry = (jobId: string, at: number) => ({
  jobId, micros: 620_000, model: 'm/x', provider: 'replicate', rule: 'per-output-image' as const, basis: '', at,
});

afterEach(cleanup);

describe('SpendLine', () => {
  it("shows this month's total against the cap", async () => {
    await saveSpendSettings({ v: 1, capMicros: 10_000_000, prices: {} });
    await recordEntry(entry('a', NOW));
    await recordEntry(entry('b', NOW));
    await recordEntry(entry('last-month', Date.UTC(2026, 9, 30)));
    render(<SpendLine now={() => NOW} />);
    expect((await screen.findByText(/This month/)).textContent).toBe('This month: $1.24 of $10.00');
  });

  it('updates live when an edit is billed', async () => {
    render(<SpendLine now={() => NOW} />);
    expect((await screen.findByText(/This month/)).textContent).toBe('This month: $0.00');
    await recordEntry(entry('a', NOW));
    expect((await screen.findByText('This month: $0.62'))).toBeTruthy();
  });
});
