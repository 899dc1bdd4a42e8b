import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers, NO_KEY_MESSAGE } from '../background-handlers';
import { EXPIRED_SELECTION, type InputPrepService } from '../input-prep-service';
import type { JobService } from '../job-service';
import type { EditRequest } from '../messages';
import { getSelection, putSelection } from '../selection-store';
import { DEFAULT_SETTINGS } from '../settings';
import { saveSettings } from '../settings-store';
import type { Preset } from './preset';
import { PRESET_GONE_MESSAGE, presetEditRequest } from './preset-run';

const NOW = 1_700_000_000_000;
const bw: Preset = { id: 'bw', name: 'Black and white', instruction: 'Make it black and white.' };
const square: Preset = { id: 'sq', name: 'Square max', instruction: 'Crop to a square.', aspectRatio: '1:1', outputFormat: 'jpg', model: 'black-forest-labs/flux-kontext-max' };

function background(options: { hasKey?: boolean; presets?: Preset[] } = {}) {
  const started: EditRequest[] = [];
  const jobs = {
    hasKey: vi.fn(async () => options.hasKey ?? true),
    start: vi.fn(async (request: EditRequest) => {
      started.push(request);
      return { id: `job-${started.length}` };
    }),
  } as unknown as JobService;
  const bg = createBackgroundHandlers(jobs, {} as InputPrepService, () => NOW, { list: async () => options.presets ?? [bw, square] });
  const run = (token: string, tabId = 5) => bg['bg:run-preset']({ type: 'bg:run-preset', token }, { tab: { id: tabId } });
  return { run, started };
}

const clicked = (token: string, presetId: string) =>
  putSelection(token, { srcUrl: 'https://example.org/a.png', tabId: 5, frameId: 0, presetId, createdAt: NOW });

describe('a preset run', () => {
  it('asks for the preset’s own choices and the options’ choices where it has none', () => {
    const settings = { ...DEFAULT_SETTINGS, aspectRatio: '16:9' as const, outputFormat: 'png' as const };
    expect(presetEditRequest(bw, 't', settings)).toEqual({
      source: { kind: 'selection', token: 't' }, prompt: bw.instruction, aspectRatio: '16:9', outputFormat: 'png',
    });
    expect(presetEditRequest(square, 't', settings)).toMatchObject({ aspectRatio: '1:1', outputFormat: 'jpg', model: 'black-forest-labs/flux-kontext-max' });
  });

  it('starts the edit the menu click chose, with the preset’s instruction, and only once per click', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, aspectRatio: '4:3' });
    await clicked('tok', 'bw');
    const { run, started } = background();

    expect(await run('tok')).toEqual({ ok: true, jobId: 'job-1' });
    expect(started).toEqual([{ source: { kind: 'selection', token: 'tok' }, prompt: bw.instruction, aspectRatio: '4:3', outputFormat: DEFAULT_SETTINGS.outputFormat }]);
    // A replayed message finds the click used up: no second (billed) edit.
    expect(await run('tok')).toEqual({ ok: false, message: EXPIRED_SELECTION });
    expect(started).toHaveLength(1);
  });

  it('refuses a token from another tab, and a click that was not on a preset', async () => {
    await clicked('tok', 'bw');
    await putSelection('plain', { srcUrl: 'https://example.org/a.png', tabId: 5, frameId: 0, createdAt: NOW });
    const { run, started } = background();

    expect(await run('tok', 6)).toEqual({ ok: false, message: EXPIRED_SELECTION });
    expect(await run('plain')).toEqual({ ok: false, message: EXPIRED_SELECTION });
    expect(started).toEqual([]);
    // The refused ask from the other tab did not use the click up.
    expect(await run('tok')).toMatchObject({ ok: true });
  });

  it('says so when there is no key, and keeps the click for after the key is added', async () => {
    await clicked('tok', 'bw');
    expect(await background({ hasKey: false }).run('tok')).toEqual({ ok: false, message: NO_KEY_MESSAGE, reason: 'no-key' });
    expect((await getSelection('tok', NOW))?.presetId).toBe('bw');
  });

  it('says so when the preset was deleted since the menu was built', async () => {
    await clicked('tok', 'gone');
    const { run, started } = background();
    expect(await run('tok')).toEqual({ ok: false, message: PRESET_GONE_MESSAGE });
    expect(started).toEqual([]);
  });
});
