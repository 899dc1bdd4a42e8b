/**
 * The image on the page that the context menu was opened on: the first `<img>` whose current or
 * declared source is `srcUrl`, preferring one that is actually laid out (a page may keep hidden copies).
 */
export function findImageBySrc(doc: Document, srcUrl: string): HTMLImageElement | undefined {
  const matches = [...doc.querySelectorAll('img')].filter((img) => img.currentSrc === srcUrl || img.src === srcUrl);
  return matches.find((img) => {
    const rect = img.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  }) ?? matches[0];
}
