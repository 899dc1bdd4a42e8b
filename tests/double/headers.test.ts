import { describe, expect, it } from 'vitest';
import { parseDuration, parsePreferWait } from './headers';

describe('Prefer: wait', () => {
  it.each([
    [undefined, 0], ['wait', 60], ['wait=1', 1], ['wait=25', 25], ['wait=60', 60],
    ['wait=0', 0], ['wait=61', 0], ['wait=abc', 0], ['respond-async, wait=5', 5],
  ])('reads %s as %d seconds', (header, seconds) => {
    expect(parsePreferWait(header)).toBe(seconds);
  });
});

describe('Cancel-After durations', () => {
  it.each([
    ['30', 30_000], ['30s', 30_000], ['5m', 300_000], ['1h30m45s', 5_445_000], ['1.5s', 1500],
    ['', null], ['5 m', null], ['m5', null], ['5x', null],
  ])('reads %j as %j ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});
