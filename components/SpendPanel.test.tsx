// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordEntry } from '../utils/spend/ledger-store';
import { getSpendSettings, saveSpendSettings } from '../utils/spend/spend-settings';
import { priceKey } from '../utils/spend/price-table';
import { SpendPanel } from './SpendPanel';
import { otherModelSpec } from '../utils/models/testing/other-model';
import { DEFAULT_SETTINGS } from '../utils/settings';
import { saveSettings } from '../utils/settings-store';

const NOW = Date.UTC(2026, 10, 15);
const PRO = 'black-forest-labs/flux-kontext-pro';
const row = (jobId: string, micros: number, at: number) => ({
  jobId, predictionId: `p-${jobId}`, micros, model: PRO, provider: 'replicate', rule: 'per-output-image' as const, basis: 'one output image', at,
});

afterEach(cleanup);

describe('SpendPanel', () => {
  it('lists the totals of this month and earlier months from the ledger', async () => {
    for (const id of ['a', 'b', 'c']) await recordEntry(row(id, 40_000, NOW));
    await recordEntry(row('old', 80_000, Date.UTC(2026, 9, 2)));
    render(<SpendPanel now={() => NOW} />);
    const table = await screen.findByRole('table', { name: 'Spending by month' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['November 2026 (this month)3$0.12', 'October 20261$0.08']);
  });

  it('shows this month at $0 before anything was billed', async () => {
    render(<SpendPanel now={() => NOW} />);
    const table = await screen.findByRole('table', { name: 'Spending by month' });
    expect(within(table).getByRole('row', { name: /November 2026/ }).textContent).toContain('$0.00');
  });

  it('saves a monthly cap and refuses one that is not an amount', async () => {
    render(<SpendPanel now={() => NOW} />);
    const cap = await screen.findByLabelText('Monthly cap (USD)');
    await userEvent.type(cap, 'ten');
    await userEvent.click(screen.getByRole('button', { name: 'Save cap' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Enter an amount/);
    await userEvent.clear(cap);
    await userEvent.type(cap, '12.50');
    await userEvent.click(screen.getByRole('button', { name: 'Save cap' }));
    await waitFor(async () => expect((await getSpendSettings()).capMicros).toBe(12_500_000));
  });

  it('edits a price and resets the table to the built-in prices', async () => {
    render(<SpendPanel now={() => NOW} />);
    const price = await screen.findByLabelText(`Price of ${PRO} at replicate (USD per output image)`);
    expect((price as HTMLInputElement).value).toBe('0.04');
    await userEvent.clear(price);
    await userEvent.type(price, '0.05');
    await userEvent.click(screen.getByRole('button', { name: 'Save prices' }));
    await waitFor(async () => expect((await getSpendSettings()).prices).toEqual({ [priceKey('replicate', PRO)]: 50_000 }));
    await userEvent.click(screen.getByRole('button', { name: 'Reset to built-in prices' }));
    await waitFor(async () => expect((await getSpendSettings()).prices).toEqual({}));
    expect((price as HTMLInputElement).value).toBe('0.04');
  });

  it('prices the Other model named in the options by run time, and an empty price stays unknown', async () => {
    const other = 'someone/restyle';
    await saveSettings({ ...DEFAULT_SETTINGS, model: other, otherModel: otherModelSpec() });
    render(<SpendPanel now={() => NOW} />);
    const price = await screen.findByLabelText(`Price of ${otherModelSpec().id} at replicate (USD per second)`);
    expect((price as HTMLInputElement).value).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Save prices' }));
    await waitFor(async () => expect((await getSpendSettings()).prices).toEqual({}));
    await userEvent.type(price, '0.000725');
    await userEvent.click(screen.getByRole('button', { name: 'Save prices' }));
    await waitFor(async () => expect((await getSpendSettings()).prices).toEqual({ [priceKey('replicate', otherModelSpec().id)]: 725 }));
    expect(screen.getByText(/Billed by run time: a canceled run is charged for the time it ran/)).toBeTruthy();
  });

  it('writes the billing rule next to the table', async () => {
    await saveSpendSettings({ v: 1, prices: {} });
    render(<SpendPanel now={() => NOW} />);
    expect(await screen.findByText(/Billed per output image: only a succeeded edit with an output is charged/)).toBeTruthy();
  });
});
