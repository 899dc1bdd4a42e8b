import { describe, expect, it, vi } from 'vitest';
import { ImageError } from './image/errors';
import type { NormalizedImage } from './image/normalize';
import { acquireTarget, prepareInput, summarize, type InputPrepDeps, type PrepSelection } from './input-prep';
import type { PageImageTarget } from './page/image-target';

const target = (overrides: Partial<PageImageTarget> = {}): PageImageTarget => ({
  element: 'img',
  candidates: [
    { url: 'https://cdn.example/big.jpg', reason: 'srcset', width: 2000 },
    { url: 'https://cdn.example/small.jpg', reason: 'current', width: 200 },
  ],
  rect: { x: 0, y: 0, width: 200, height: 100 },
  viewport: { width: 1000, height: 800 },
  fullyVisible: true,
  ...overrides,
});

const where = (t: PageImageTarget | null = target()): PrepSelection => ({ token: 'tok', tabId: 1, frameId: 0, srcUrl: 'https://cdn.example/small.jpg', target: t ?? undefined });

const normalized = (overrides: Partial<NormalizedImage> = {}): NormalizedImage => ({
  blob: new Blob([new Uint8Array(1234)], { type: 'image/jpeg' }),
  width: 1000, height: 500, type: 'image/jpeg', sourceWidth: 2000, sourceHeight: 1000, sourceType: 'image/jpeg', notes: [],
  ...overrides,
});

function deps(overrides: Partial<InputPrepDeps> = {}): InputPrepDeps & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    acquireUrl: vi.fn(async (url: string) => {
      calls.push(`url ${url}`);
      return { blob: new Blob([url]), via: 'background-fetch' as const };
    }),
    readPixels: vi.fn(async () => {
      calls.push('pixels');
      return { dataUri: 'data:image/png;base64,iVBORw0KGgo=', width: 1, height: 1 };
    }),
    screenshot: vi.fn(async () => {
      calls.push('screenshot');
      return new Blob(['shot'], { type: 'image/png' });
    }),
    normalize: vi.fn(async () => normalized()),
    store: vi.fn(async () => undefined),
    ...overrides,
  };
}

const refuse = (reason: string) => async () => {
  throw new ImageError('unreachable', `Could not download the image from cdn.example: ${reason}.`, { reason });
};

describe('acquireTarget: the fallback chain', () => {
  it('takes the best source first and stops there', async () => {
    const d = deps();
    const got = await acquireTarget(where(), d);
    expect(d.calls).toEqual(['url https://cdn.example/big.jpg']);
    expect(got.via).toBe('background-fetch');
    expect(got.candidate?.reason).toBe('srcset');
  });

  it('falls back to the next source when the best one cannot be downloaded', async () => {
    const d = deps();
    vi.mocked(d.acquireUrl).mockImplementationOnce(refuse('HTTP 404'));
    const got = await acquireTarget(where(), d);
    expect(got.candidate?.url).toBe('https://cdn.example/small.jpg');
  });

  it('reads the pixels in the page when no source can be downloaded', async () => {
    const d = deps({ acquireUrl: vi.fn(refuse('HTTP 403')) });
    const got = await acquireTarget(where(), d);
    expect(got.via).toBe('page-pixels');
    expect(d.calls).toEqual(['pixels']);
  });

  it('takes a screenshot when the page cannot give its pixels either (tainted canvas)', async () => {
    const d = deps({ acquireUrl: vi.fn(refuse('HTTP 403')), readPixels: vi.fn(async () => ({ error: 'tainted', tainted: true })) });
    const got = await acquireTarget(where(), d);
    expect(got.via).toBe('screenshot');
    expect(d.screenshot).toHaveBeenCalledWith(expect.objectContaining({ token: 'tok' }), expect.objectContaining({ element: 'img' }));
  });

  it('goes straight to pixels for a picture with no URL (a canvas)', async () => {
    const d = deps();
    const got = await acquireTarget(where(target({ element: 'canvas', candidates: [] })), d);
    expect(got.via).toBe('page-pixels');
    expect(d.acquireUrl).not.toHaveBeenCalled();
  });

  it('does not ask the page for the pixels of a CSS background (it cannot draw one), but screenshots it', async () => {
    const d = deps({ acquireUrl: vi.fn(refuse('HTTP 403')) });
    const got = await acquireTarget(where(target({ element: 'background', candidates: [{ url: 'https://cdn.example/bg.jpg', reason: 'background' }] })), d);
    expect(got.via).toBe('screenshot');
    expect(d.readPixels).not.toHaveBeenCalled();
  });

  it('tries only the right-clicked URL when the page never described the picture', async () => {
    const d = deps({ acquireUrl: vi.fn(refuse('HTTP 403')) });
    await expect(acquireTarget(where(null), d)).rejects.toThrow('Could not download the image from cdn.example: HTTP 403.');
    expect(d.readPixels).not.toHaveBeenCalled();
    expect(d.screenshot).not.toHaveBeenCalled();
  });

  it('names every step that failed when nothing works', async () => {
    const d = deps({
      acquireUrl: vi.fn(refuse('HTTP 403')),
      readPixels: vi.fn(async () => ({ error: 'tainted', tainted: true })),
      screenshot: vi.fn(async () => {
        throw new ImageError('unreachable', 'x', { reason: 'a screenshot needs the tab in front; switch back to it and try again' });
      }),
    });
    const error = await acquireTarget(where(), d).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as Error).message).toBe(
      'Could not download the image from cdn.example: HTTP 403. Also tried: HTTP 403; the page does not allow reading its pixels; a screenshot needs the tab in front; switch back to it and try again.',
    );
  });
});

describe('prepareInput', () => {
  it('normalizes with the given limits, stores the result, and summarizes it', async () => {
    const d = deps();
    const summary = await prepareInput(where(), 'prepared-tok', { maxPixels: 1_000_000 }, d);
    expect(d.normalize).toHaveBeenCalledWith(expect.any(Blob), { maxPixels: 1_000_000 });
    expect(d.store).toHaveBeenCalledWith('prepared-tok', expect.objectContaining({ width: 1000 }));
    expect(summary).toMatchObject({ width: 1000, height: 500, bytes: 1234, type: 'image/jpeg', via: 'background-fetch' });
  });

  it('reports a damaged file instead of falling back to a screenshot of what the browser drew', async () => {
    const d = deps({ normalize: vi.fn(async () => { throw new ImageError('undecodable', 'The JPEG file is damaged.'); }) });
    await expect(prepareInput(where(), 'prepared-tok', {}, d)).rejects.toThrow('The JPEG file is damaged.');
    expect(d.screenshot).not.toHaveBeenCalled();
  });
});

describe('summarize', () => {
  it.each([
    ['screenshot', undefined, /screenshot of its visible part was used \(2000×1000\)/],
    ['page-pixels', undefined, /as the page shows it/],
    ['background-fetch', { url: 'u', reason: 'srcset' as const }, /largest version the page offers was used \(2000×1000\)/],
    ['page-fetch', { url: 'u', reason: 'lazy' as const }, /lazy-loading placeholder/],
  ] as const)('says how a %s source was obtained', (via, candidate, note) => {
    const summary = summarize(normalized({ notes: ['Scaled down.'] }), { via, candidate });
    expect(summary.notes[0]).toMatch(note);
    expect(summary.notes[1]).toBe('Scaled down.');
  });

  it('does not call the PNG that page pixels and screenshots arrive in a conversion', () => {
    const notes = summarize(normalized({ notes: ['Converted PNG to JPEG.'] }), { via: 'page-pixels' }).notes;
    expect(notes).toEqual(['Read from the picture as the page shows it.']);
    expect(summarize(normalized({ notes: ['Converted PNG to JPEG.'] }), { via: 'page-fetch' }).notes).toEqual(['Converted PNG to JPEG.']);
  });

  it('adds nothing for a plain download', () => {
    expect(summarize(normalized(), { via: 'background-fetch', candidate: { url: 'u', reason: 'src' } }).notes).toEqual([]);
  });
});
