import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from './background-handlers';
import type { InputPrepService } from './input-prep-service';
import type { JobService } from './job-service';
import type { EditRequest } from './messages';
import { getRecentInstructions } from './recent-instructions';
import { putSelection } from './selection-store';

const NOW = 1_700_000_000_000;

function handlers(start: JobService['start']) {
  const jobs = { hasKey: vi.fn(async () => true), start: vi.fn(start) } as unknown as JobService;
  return createBackgroundHandlers(jobs, {} as InputPrepService, () => NOW, { list: async () => [] });
}

const request = (prompt: string): EditRequest => ({ source: { kind: 'selection', token: 'tok' }, prompt, aspectRatio: '1:1', outputFormat: 'png' });
const sender = { tab: { id: 5 } };

describe('recent instructions in the background', () => {
  it('records the instruction of an edit that started, and offers it in the next prompt box', async () => {
    await putSelection('tok', { srcUrl: 'https://example.org/a.png', tabId: 5, frameId: 0, createdAt: NOW });
    const bg = handlers(async () => ({ id: 'job-1' }) as never);
    expect(await bg['bg:start-edit']({ type: 'bg:start-edit', request: request('Make it snow') }, sender)).toEqual({ ok: true, jobId: 'job-1' });
    expect(await getRecentInstructions()).toEqual(['Make it snow']);
    const context = await bg['bg:prompt-context']({ type: 'bg:prompt-context', source: { kind: 'selection', token: 'tok' } }, sender);
    expect(context.recentInstructions).toEqual(['Make it snow']);
  });

  it('records nothing when the edit could not start', async () => {
    const bg = handlers(async () => ({ id: 'job-1' }) as never);
    const reply = await bg['bg:start-edit']({ type: 'bg:start-edit', request: request('Make it snow') }, sender);
    expect(reply.ok).toBe(false);
    expect(await getRecentInstructions()).toEqual([]);
  });
});
