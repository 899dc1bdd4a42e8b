// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capStatus, type CapFigures } from '../utils/spend/cap';
import { PriceLine } from './PriceLine';

afterEach(cleanup);

function quote(figures: CapFigures) {
  return { ...figures, status: capStatus(figures) };
}

describe('PriceLine', () => {
  it('shows the price of the edit and the month before it starts', () => {
    render(<PriceLine quote={quote({ spentMicros: 1_240_000, pendingMicros: 0, priceMicros: 40_000 })} onRaiseCap={() => undefined} />);
    expect(screen.getByText(/This edit: \$0\.04 · this month \$1\.24/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns from 80 % of the cap, counting edits still running', () => {
    render(<PriceLine quote={quote({ spentMicros: 7_000_000, pendingMicros: 1_200_000, priceMicros: 40_000, capMicros: 10_000_000 })} onRaiseCap={() => undefined} />);
    expect(screen.getByText(/this month \$8\.20 of \$10\.00/)).toBeTruthy();
    expect(screen.getByText(/82 % of your monthly cap is used/)).toBeTruthy();
  });

  it('names the price of a second for a model billed by run time, and says when no price is known', () => {
    render(<PriceLine quote={{ ...quote({ spentMicros: 0, pendingMicros: 0 }), perSecondMicros: 725 }} onRaiseCap={() => undefined} />);
    expect(screen.getByText(/Billed by run time: \$0\.000725 a second/)).toBeTruthy();
    cleanup();
    render(<PriceLine quote={quote({ spentMicros: 0, pendingMicros: 0 })} onRaiseCap={() => undefined} />);
    expect(screen.getByText(/Price unknown for this model/)).toBeTruthy();
  });

  it('says nothing of the cap below 80 %', () => {
    render(<PriceLine quote={quote({ spentMicros: 7_000_000, pendingMicros: 0, priceMicros: 40_000, capMicros: 10_000_000 })} onRaiseCap={() => undefined} />);
    expect(screen.queryByText(/of your monthly cap is used/)).toBeNull();
  });

  it('at the cap says so and offers to raise it', async () => {
    const onRaiseCap = vi.fn();
    render(<PriceLine quote={quote({ spentMicros: 9_980_000, pendingMicros: 0, priceMicros: 40_000, capMicros: 10_000_000 })} onRaiseCap={onRaiseCap} />);
    expect(screen.getByRole('alert').textContent).toMatch(/Monthly spending cap reached/);
    await userEvent.click(screen.getByRole('button', { name: 'Raise the cap' }));
    expect(onRaiseCap).toHaveBeenCalledOnce();
  });
});
