import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, compactTimestamp, extensionForType, resultFileName, slugify } from './file-name';

describe('resultFileName', () => {
  const date = new Date(2025, 0, 9, 7, 5, 3);

  it('joins the prompt slug, the local date and time, and the extension of the image type', () => {
    expect(resultFileName('Make the sky purple', date, 'image/png')).toBe('kontext-make-the-sky-purple-20250109-070503.png');
    expect(resultFileName('Make the sky purple', date, 'image/jpeg')).toBe('kontext-make-the-sky-purple-20250109-070503.jpg');
  });

  it('falls back to "edit" when the prompt has no usable characters', () => {
    expect(resultFileName('!!! ???', date, 'image/png')).toBe('kontext-edit-20250109-070503.png');
  });

  it('uses the fallback extension when the type is unknown', () => {
    expect(resultFileName('x', date, '', 'jpg')).toMatch(/\.jpg$/);
    expect(resultFileName('x', date, 'application/octet-stream')).toMatch(/\.png$/);
  });
});

describe('slugify', () => {
  it('strips accents, punctuation, path separators and case', () => {
    expect(slugify('Crème Brûlée: ../../etc/passwd  & "quotes"')).toBe('creme-brulee-etc-passwd-quotes');
  });

  it('keeps slugs at most MAX_SLUG_LENGTH long, cut at a word boundary', () => {
    const slug = slugify('turn the old red barn into a modern glass house with solar panels on the roof');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe('turn-the-old-red-barn-into-a-modern-glass-house');
  });

  it('cuts a single very long word hard rather than returning nothing', () => {
    expect(slugify('a'.repeat(80))).toHaveLength(MAX_SLUG_LENGTH);
  });
});

describe('compactTimestamp and extensionForType', () => {
  it('pads every part to two digits', () => {
    expect(compactTimestamp(new Date(2024, 11, 31, 23, 59, 9))).toBe('20241231-235909');
  });

  it('maps JPEG, PNG and WebP types, ignoring parameters', () => {
    expect(extensionForType('image/jpeg')).toBe('jpg');
    expect(extensionForType('IMAGE/PNG; charset=binary')).toBe('png');
    expect(extensionForType('image/webp')).toBe('webp');
  });
});
