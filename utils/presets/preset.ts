import { z } from 'zod';
import { AspectRatio, Model, OutputFormat } from '../settings';

/** At most this many presets: each is one item of the browser's sync storage, and one menu entry. */
export const MAX_PRESETS = 20;
/** Longest preset name: it is a context-menu title, which should fit on one line. */
export const MAX_PRESET_NAME = 60;
/** Same bound as the prompt box's instruction (messages.ts EditRequest). */
export const MAX_PRESET_INSTRUCTION = 2000;

/** Preset ids become menu ids (`preset:<id>`) and storage keys: short and plain. */
export const PresetId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Not a preset id.');
export type PresetId = z.infer<typeof PresetId>;

/** What a person types into the preset form: validated before it is stored. */
export const PresetDraft = z.object({
  name: z.string().trim().min(1, 'Give the preset a name.').max(MAX_PRESET_NAME, `Keep the name under ${MAX_PRESET_NAME + 1} characters.`),
  instruction: z.string().trim().min(1, 'Describe the edit.').max(MAX_PRESET_INSTRUCTION, `Keep the instruction under ${MAX_PRESET_INSTRUCTION + 1} characters.`),
  /** Unset: the edit uses the settings of the moment (options page). */
  aspectRatio: AspectRatio.optional(),
  outputFormat: OutputFormat.optional(),
  model: Model.optional(),
});
export type PresetDraft = z.infer<typeof PresetDraft>;

/** One-click edit shown under "Edit with Kontext" in the image menu. Holds nothing secret. */
export const Preset = PresetDraft.extend({ id: PresetId });
export type Preset = z.infer<typeof Preset>;

/** A fresh preset id (random, so two devices adding at once never collide in sync storage). */
export function newPresetId(random: () => string = () => crypto.randomUUID()): PresetId {
  return random().replace(/-/g, '').slice(0, 16);
}
