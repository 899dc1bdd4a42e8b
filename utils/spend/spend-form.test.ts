import { describe, expect, it } from 'vitest';
import { monthLabel, parseCapInput, parsePriceInput } from './spend-form';

describe('spend form input', () => {
  it('reads a typed cap in whole micro-dollars, empty as no cap', () => {
    expect(parseCapInput('10')).toEqual({ ok: true, micros: 10_000_000 });
    expect(parseCapInput(' $12.34 ')).toEqual({ ok: true, micros: 12_340_000 });
    expect(parseCapInput('')).toEqual({ ok: true });
  });

  it.each(['0', 'ten', '-5', '1e3', '2000000'])('refuses the cap %s with a message', (text) => {
    const result = parseCapInput(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/Enter/);
  });

  it('accepts a price of zero and fractions of a cent', () => {
    expect(parsePriceInput('0')).toEqual({ ok: true, micros: 0 });
    expect(parsePriceInput('0.0025')).toEqual({ ok: true, micros: 2_500 });
  });

  it('names months in words', () => {
    expect(monthLabel('2026-11')).toBe('November 2026');
  });
});
