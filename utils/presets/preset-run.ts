import type { EditRequest } from '../messages';
import { updateSelection } from '../selection-store';
import type { Settings } from '../settings';
import type { Preset } from './preset';

/**
 * A preset run: the menu click stores a selection that names the preset (prompt-launcher.ts), the
 * prompt script describes the picture and asks `bg:run-preset`, and the background starts the edit
 * the preset describes. The page only ever names the token: what runs is decided here.
 */

export const PRESET_GONE_MESSAGE = 'That preset was deleted. Choose another from the menu.';

/** The edit a preset asks for: its own choices where it has them, the options' choices elsewhere. */
export function presetEditRequest(preset: Preset, token: string, settings: Pick<Settings, 'aspectRatio' | 'outputFormat'>): EditRequest {
  return {
    source: { kind: 'selection', token },
    prompt: preset.instruction,
    aspectRatio: preset.aspectRatio ?? settings.aspectRatio,
    outputFormat: preset.outputFormat ?? settings.outputFormat,
    ...(preset.model ? { model: preset.model } : {}),
  };
}

/**
 * Takes the preset a selection was made for, once: a second ask with the same token (a page script
 * replaying the message, a double delivery) finds nothing and cannot start a second, billed edit.
 * Only the tab the click happened in may ask.
 */
export async function claimPresetRun(token: string, senderTabId: number | undefined, now: number): Promise<string | undefined> {
  let claimed: string | undefined;
  await updateSelection(token, now, (selection) => {
    if (!selection.presetId || (senderTabId !== undefined && selection.tabId !== senderTabId)) return selection;
    claimed = selection.presetId;
    return { ...selection, presetId: undefined };
  });
  return claimed;
}
