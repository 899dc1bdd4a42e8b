// @vitest-environment happy-dom
import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import { makeJob } from './testing/make-job';
import { MISSING_RESULT_MESSAGE, copyResult, provenanceOf, saveResult, type ResultDeps } from './result-actions';

function fakeDeps(blob: Blob | undefined): ResultDeps {
  return {
    getImage: vi.fn(async () => blob),
    download: vi.fn(async () => 7),
    writeClipboard: vi.fn(async () => {}),
    convertToPng: vi.fn(async () => new Blob(['png'], { type: 'image/png' })),
    now: () => new Date(2025, 4, 6, 10, 0, 0).getTime(),
  };
}

describe('saveResult', () => {
  it('records where the result came from: the image address, or the page for a page-made one', () => {
    const date = new Date(0);
    const fromImage = makeJob({ source: { kind: 'page', srcUrl: 'https://cdn.example/cat.png', pageUrl: 'https://example.org/' } });
    expect(provenanceOf(fromImage, date)).toEqual({ prompt: fromImage.prompt, model: fromImage.model, sourceUrl: 'https://cdn.example/cat.png', date });
    const fromBlob = makeJob({ source: { kind: 'page', srcUrl: 'blob:https://example.org/1234', pageUrl: 'https://example.org/' } });
    expect(provenanceOf(fromBlob, date).sourceUrl).toBe('https://example.org/');
    expect(provenanceOf(makeJob({ source: { kind: 'job', jobId: 'j0' } }), date).sourceUrl).toBeUndefined();
  });

  it('downloads the stored result under a name made of the prompt and completion time, without asking', async () => {
    const job = makeJob({ phase: 'done', prompt: 'Add a red hat', completedAt: new Date(2025, 2, 4, 13, 14, 15).getTime() });
    const deps = fakeDeps(new Blob(['jpeg'], { type: 'image/jpeg' }));
    expect(await saveResult(job, deps)).toBe('kontext-add-a-red-hat-20250304-131415.jpg');
    expect(deps.download).toHaveBeenCalledWith({ url: expect.stringMatching(/^blob:/), filename: 'kontext-add-a-red-hat-20250304-131415.jpg', saveAs: false });
  });

  it('names the first version’s page as the source of an edit of an edit', async () => {
    const png = PNG.sync.write(Object.assign(new PNG({ width: 1, height: 1 }), { data: Buffer.from([1, 2, 3, 255]) }));
    const deps = fakeDeps(new Blob([new Uint8Array(png)], { type: 'image/png' }));
    let saved: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:saved';
    });
    const root = { kind: 'page', srcUrl: 'https://cdn.example/first.png', pageUrl: 'https://example.org/' } as const;
    deps.pageSourceOf = vi.fn(async () => root);
    await saveResult(makeJob({ phase: 'done', source: { kind: 'job', jobId: 'j0' } }), deps);
    expect(Buffer.from(await saved!.arrayBuffer()).toString('latin1')).toContain('iTXtSource\0\0\0\0\0https://cdn.example/first.png');
  });

  it('explains when the result is no longer stored', async () => {
    const deps = fakeDeps(undefined);
    await expect(saveResult(makeJob({ phase: 'done' }), deps)).rejects.toThrow(MISSING_RESULT_MESSAGE);
    expect(deps.download).not.toHaveBeenCalled();
  });
});

describe('copyResult', () => {
  it('writes one PNG clipboard item made from the result', async () => {
    const deps = fakeDeps(new Blob(['jpeg'], { type: 'image/jpeg' }));
    await copyResult(makeJob({ phase: 'done' }), deps);
    expect(deps.convertToPng).toHaveBeenCalledTimes(1);
    const items = vi.mocked(deps.writeClipboard).mock.calls[0]?.[0];
    expect(items).toHaveLength(1);
    expect(items?.[0]?.types).toEqual(['image/png']);
  });
});
