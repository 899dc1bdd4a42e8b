import { describe, expect, it } from 'vitest';
import { capRefusalMessage, capStatus } from './cap';

const CAP = 10_000_000; // $10
const PRICE = 40_000; // $0.04

describe('monthly cap', () => {
  it.each([
    { spent: 0, pending: 0, status: 'ok' },
    { spent: 7_990_000, pending: 0, status: 'ok' },
    { spent: 8_000_000, pending: 0, status: 'warn' },
    { spent: 7_000_000, pending: 1_000_000, status: 'warn' },
    { spent: 9_960_000, pending: 0, status: 'warn' },
    { spent: 9_970_000, pending: 0, status: 'at-cap' },
    { spent: 10_000_000, pending: 0, status: 'at-cap' },
    { spent: 9_000_000, pending: 980_000, status: 'at-cap' },
  ])('is $status with $spent spent and $pending running', ({ spent, pending, status }) => {
    expect(capStatus({ spentMicros: spent, pendingMicros: pending, priceMicros: PRICE, capMicros: CAP })).toBe(status);
  });

  it('refuses the eleventh of ten affordable quick clicks, counting running ones', () => {
    const cap = 10 * PRICE;
    const accepted: number[] = [];
    for (let click = 0; click < 11; click++) {
      const pending = accepted.length * PRICE;
      if (capStatus({ spentMicros: 0, pendingMicros: pending, priceMicros: PRICE, capMicros: cap }) !== 'at-cap') accepted.push(click);
    }
    expect(accepted).toHaveLength(10);
  });

  it('has nothing to say without a cap', () => {
    expect(capStatus({ spentMicros: 1e12, pendingMicros: 0, priceMicros: PRICE })).toBe('no-cap');
  });

  it('refuses once the cap is used up even for a model without a known price', () => {
    expect(capStatus({ spentMicros: CAP, pendingMicros: 0, capMicros: CAP })).toBe('at-cap');
    expect(capStatus({ spentMicros: CAP - 1, pendingMicros: 0, capMicros: CAP })).toBe('warn');
  });

  it('says what is spent, the cap, the price and where to raise it', () => {
    const message = capRefusalMessage({ spentMicros: 9_970_000, pendingMicros: 0, priceMicros: PRICE, capMicros: CAP });
    expect(message).toContain('$9.97 of $10.00');
    expect(message).toContain('$0.04');
    expect(message).toMatch(/Raise the cap/);
  });
});
