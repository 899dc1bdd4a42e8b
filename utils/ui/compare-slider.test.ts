import { describe, expect, it } from 'vitest';
import {
  ARROW_STEP, COMPARE_MAX, COMPARE_MIN, PAGE_STEP, clampPercent, sliderValueAfterKey, sliderValueAtPointer, sliderValueText,
} from './compare-slider';

describe('sliderValueAfterKey', () => {
  it.each([
    ['ArrowRight', 50, 50 + ARROW_STEP],
    ['ArrowUp', 50, 50 + ARROW_STEP],
    ['ArrowLeft', 50, 50 - ARROW_STEP],
    ['ArrowDown', 50, 50 - ARROW_STEP],
    ['PageUp', 50, 50 + PAGE_STEP],
    ['PageDown', 50, 50 - PAGE_STEP],
    ['Home', 37, COMPARE_MIN],
    ['End', 37, COMPARE_MAX],
  ])('%s from %i moves the divider to %i', (key, from, to) => {
    expect(sliderValueAfterKey(from, key)).toBe(to);
  });

  it('stops at the ends instead of running past them', () => {
    expect(sliderValueAfterKey(COMPARE_MAX, 'ArrowRight')).toBe(COMPARE_MAX);
    expect(sliderValueAfterKey(COMPARE_MAX - 3, 'PageUp')).toBe(COMPARE_MAX);
    expect(sliderValueAfterKey(COMPARE_MIN, 'ArrowLeft')).toBe(COMPARE_MIN);
    expect(sliderValueAfterKey(COMPARE_MIN + 3, 'PageDown')).toBe(COMPARE_MIN);
  });

  it('leaves other keys to the page (Tab must still move on)', () => {
    expect(sliderValueAfterKey(50, 'Tab')).toBeUndefined();
    expect(sliderValueAfterKey(50, 'a')).toBeUndefined();
  });
});

describe('sliderValueAtPointer', () => {
  const box = { left: 100, width: 400 };

  it('maps the pointer across the picture to 0–100', () => {
    expect(sliderValueAtPointer(100, box)).toBe(0);
    expect(sliderValueAtPointer(200, box)).toBe(25);
    expect(sliderValueAtPointer(500, box)).toBe(100);
    expect(sliderValueAtPointer(301, box)).toBe(50);
  });

  it('clamps a drag that leaves the picture', () => {
    expect(sliderValueAtPointer(-40, box)).toBe(0);
    expect(sliderValueAtPointer(900, box)).toBe(100);
  });

  it('keeps the middle for a box with no width yet (not laid out)', () => {
    expect(sliderValueAtPointer(10, { left: 0, width: 0 })).toBe(50);
  });
});

describe('clampPercent and sliderValueText', () => {
  it('rounds to whole percents', () => {
    expect(clampPercent(12.6)).toBe(13);
    expect(clampPercent(Number.NaN)).toBe(50);
  });

  it('says how much of each picture shows', () => {
    expect(sliderValueText(30)).toBe('30% original, 70% result');
    expect(sliderValueText(0)).toBe('All result');
    expect(sliderValueText(100)).toBe('All original');
  });
});
