import { describe, expect, it } from 'vitest';
import { describeImage, formatSeconds, metadataRows } from './result-metadata';
import { makeVersion } from './testing/make-version';

const iso = (ms: number) => new Date(ms).toISOString();

function rowsOf(...args: Parameters<typeof metadataRows>) {
  return Object.fromEntries(metadataRows(...args).map((row) => [row.term, row]));
}

describe('metadataRows', () => {
  const root = makeVersion('a', 1_000, undefined, {
    job: {
      source: { kind: 'page', srcUrl: 'https://example.org/cat.png', pageUrl: 'https://example.org/cats', pageTitle: 'Cats' },
      input: { aspect_ratio: '16:9', output_format: 'jpg', safety_tolerance: 1, prompt_upsampling: true, seed: 1234 },
      predictionId: 'pred-1',
      predictTime: 4.23,
      image: { width: 800, height: 600, bytes: 180_000, type: 'image/jpeg' },
      result: { width: 1024, height: 576, bytes: 1_200_000, type: 'image/jpeg' },
    },
  });
  const child = makeVersion('b', 2_000, 'a');
  const branch = makeVersion('c', 3_000, 'a');

  it('lists what was asked, of which model and with which inputs', () => {
    const rows = rowsOf(root, [root], iso);
    expect(rows.Instruction?.value).toBe('prompt a');
    expect(rows.Model?.value).toBe(root.job.model);
    expect(rows.Provider?.value).toBe('Replicate');
    expect(rowsOf({ ...root, job: { ...root.job, provider: 'bfl' } }, [root], iso).Provider?.value).toBe('Black Forest Labs');
    expect(rows['Aspect ratio']?.value).toBe('16:9');
    expect(rows['Output format']?.value).toBe('JPEG');
    expect(rows.Seed?.value).toBe('1234');
    expect(rows['Safety tolerance']?.value).toBe('1');
    expect(rows['Prompt upsampling']?.value).toBe('On');
  });

  it('names and links the source page and the picture, with ids, dates, time and sizes', () => {
    const rows = rowsOf(root, [root], iso);
    expect(rows['Source page']).toEqual({ term: 'Source page', value: 'Cats', href: 'https://example.org/cats' });
    expect(rows.Picture).toEqual({ term: 'Picture', value: 'https://example.org/cat.png', href: 'https://example.org/cat.png' });
    expect(rows['Prediction id']?.value).toBe('pred-1');
    const bfl = rowsOf({ ...root, job: { ...root.job, provider: 'bfl', predictionId: 'https://api.us1.bfl.ai/v1/get_result?id=task-9' } }, [root], iso);
    expect([bfl['Task id']?.value, bfl['Prediction id']]).toEqual(['task-9', undefined]);
    expect(rows.Created?.value).toBe(iso(1_000));
    expect(rows.Finished?.value).toBe(iso(6_000));
    expect(rows['Time on the provider']?.value).toBe('4.2 s');
    expect(rows.Input?.value).toBe('800 × 600 JPEG, 180 kB');
    expect(rows.Result?.value).toBe('1024 × 576 JPEG, 1.2 MB');
  });

  it('says what the edit cost and by which rule, and claims nothing when the price is unknown', () => {
    const priced = { ...root, cost: { usd: 0.04, basis: 'one output image, published price of 2025-06' } };
    expect(rowsOf(priced, [priced], iso).Cost?.value).toBe('$0.04 (one output image, published price of 2025-06)');
    expect(rowsOf({ ...root, cost: undefined }, [root], iso).Cost).toBeUndefined();
  });

  it('gives an edit of an edit the source page of its first version, and its place among the versions', () => {
    const rows = rowsOf(branch, [root, child, branch], iso);
    expect(rows['Source page']?.value).toBe('Cats');
    expect(rows.Version?.value).toBe('3 of 3');
    expect(rows['Edits in its chain']?.value).toBe('2');
  });

  it('leaves out a picture address made by the page, and links no page that is not on the web', () => {
    const local = makeVersion('x', 1, undefined, { job: { source: { kind: 'page', srcUrl: 'blob:https://example.org/123', pageUrl: 'file:///home/me/cat.html' } } });
    const rows = rowsOf(local, [local], iso);
    expect(rows.Picture).toBeUndefined();
    expect(rows['Source page']).toEqual({ term: 'Source page', value: 'file:///home/me/cat.html', href: undefined });
    expect(rows['Edits in its chain']?.value).toMatch(/^1 /);
  });
});

describe('formatting', () => {
  it('writes seconds and minutes', () => {
    expect(formatSeconds(3.04)).toBe('3 s');
    expect(formatSeconds(65)).toBe('1 min 5 s');
  });

  it('writes image facts', () => {
    expect(describeImage({ width: 10, height: 20, bytes: 999, type: 'image/png' })).toBe('10 × 20 PNG, 999 bytes');
  });
});
