/**
 * Image types Chromium and Firefox both decode, for `<source type>`: a `<source>` of another type
 * (JPEG XL, HEIC) is skipped by the browser, so it is not the picture the user sees.
 */
const DECODABLE = new Set([
  'image/jpeg', 'image/jpg', 'image/pjpeg', 'image/png', 'image/apng', 'image/gif', 'image/webp',
  'image/avif', 'image/svg+xml', 'image/bmp', 'image/x-icon', 'image/vnd.microsoft.icon',
]);

/** Whether a MIME type (parameters ignored) is one the browser can show and the background can decode. */
export function isDecodableType(mime: string): boolean {
  return DECODABLE.has(mime.split(';')[0]!.trim().toLowerCase());
}
