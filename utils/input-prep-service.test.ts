import { describe, expect, it, vi } from 'vitest';
import type { NormalizedImage } from './image/normalize';
import type { InputPrepDeps } from './input-prep';
import { createInputPrepService, EXPIRED_SELECTION } from './input-prep-service';
import { getSelection, putSelection } from './selection-store';

const image: NormalizedImage = {
  blob: new Blob([new Uint8Array(10)], { type: 'image/jpeg' }),
  width: 4, height: 2, type: 'image/jpeg', sourceWidth: 8, sourceHeight: 4, sourceType: 'image/png', notes: [],
};

function setup(now = 1_000) {
  const io: InputPrepDeps = {
    acquireUrl: vi.fn(async () => ({ blob: new Blob(['x']), via: 'background-fetch' as const })),
    readPixels: vi.fn(async () => ({ error: 'no' })),
    screenshot: vi.fn(async () => new Blob()),
    normalize: vi.fn(async () => image),
    store: vi.fn(async () => undefined),
  };
  const service = createInputPrepService({ now: () => now, io, limits: async () => ({ maxPixels: 1_000_000 }) });
  return { io, service };
}

const selection = { kind: 'image' as const, srcUrl: 'https://example.org/a.png', tabId: 3, frameId: 0, createdAt: 1_000 };

describe('the input preparation service', () => {
  it('prepares once when the prompt box and the job ask at the same time', async () => {
    const { io, service } = setup();
    await putSelection('tok', selection);
    const [a, b] = await Promise.all([service.prepare('tok'), service.prepare('tok')]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ ok: true, summary: { width: 4, height: 2 } });
    expect(io.acquireUrl).toHaveBeenCalledTimes(1);
    expect(io.normalize).toHaveBeenCalledWith(expect.any(Blob), { maxPixels: 1_000_000 });
  });

  it('remembers the summary with the selection, so a restarted worker does not prepare again', async () => {
    await putSelection('tok', selection);
    await setup().service.prepare('tok');
    expect((await getSelection('tok', 1_000))?.prepared?.width).toBe(4);
    const restarted = setup();
    expect(await restarted.service.prepare('tok')).toMatchObject({ ok: true, summary: { width: 4 } });
    expect(restarted.io.acquireUrl).not.toHaveBeenCalled();
  });

  it('tries again after a failure', async () => {
    const { io, service } = setup();
    await putSelection('tok', selection);
    vi.mocked(io.acquireUrl).mockRejectedValueOnce(new Error('offline'));
    expect(await service.prepare('tok')).toMatchObject({ ok: false });
    expect(await service.prepare('tok')).toMatchObject({ ok: true });
  });

  it('answers an unknown or expired token with the expiry message', async () => {
    expect(await setup().service.prepare('nope')).toEqual({ ok: false, message: EXPIRED_SELECTION });
  });

  it('waits for a pick before preparing anything', async () => {
    const { io, service } = setup();
    await putSelection('tok', { kind: 'pick', tabId: 3, frameId: 0, createdAt: 1_000 });
    expect(await service.prepare('tok')).toMatchObject({ ok: false });
    expect(io.acquireUrl).not.toHaveBeenCalled();
  });
});
