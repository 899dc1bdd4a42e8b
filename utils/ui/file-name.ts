/** Longest slug of the prompt kept in a file name (the rest of the name adds ~25 characters). */
export const MAX_SLUG_LENGTH = 50;

/** The prompt as a file-name-safe slug: lowercase ASCII words joined by dashes, cut at a word boundary. */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= maxLength) return words;
  const cut = words.slice(0, maxLength);
  // Prefer ending at a dash so no word is chopped in half, unless that would leave almost nothing.
  const lastDash = cut.lastIndexOf('-');
  return (lastDash >= maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A local date and time as YYYYMMDD-HHMMSS. */
export function compactTimestamp(date: Date): string {
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
  return `${day}-${time}`;
}

/** The file extension for an image MIME type; `fallback` when the type says nothing useful. */
export function extensionForType(type: string, fallback: 'jpg' | 'png' = 'png'): string {
  const clean = type.split(';')[0]?.trim().toLowerCase();
  if (clean === 'image/jpeg' || clean === 'image/jpg') return 'jpg';
  if (clean === 'image/png') return 'png';
  if (clean === 'image/webp') return 'webp';
  return fallback;
}

/** `kontext-<slug of prompt>-<YYYYMMDD-HHMMSS>.<ext>`: the name a saved result gets. */
export function resultFileName(prompt: string, date: Date, mimeType: string, fallback: 'jpg' | 'png' = 'png'): string {
  const slug = slugify(prompt) || 'edit';
  return `kontext-${slug}-${compactTimestamp(date)}.${extensionForType(mimeType, fallback)}`;
}
