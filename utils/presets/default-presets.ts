import type { PresetDraft } from './preset';

/**
 * Presets written once, when the extension is installed (never again: a user who deletes them
 * does not want them back). Edits people commonly repeat, phrased the way Kontext follows best:
 * say what to change and what to keep.
 */
export const DEFAULT_PRESETS: readonly PresetDraft[] = [
  { name: 'Black and white', instruction: 'Convert the image to a black and white photograph, keeping every detail and the composition unchanged.' },
  { name: 'Remove the background', instruction: 'Remove the background and replace it with plain white, keeping the main subject exactly as it is.', outputFormat: 'png' },
  { name: 'Watercolor painting', instruction: 'Turn the image into a soft watercolor painting, keeping the composition and the subjects recognisable.' },
  { name: 'Restore old photo', instruction: 'Restore this photo: remove scratches, dust and noise, fix faded colors, keep faces and details faithful to the original.' },
  { name: 'Remove text', instruction: 'Remove all text and watermarks from the image and fill the areas in naturally; change nothing else.' },
];
