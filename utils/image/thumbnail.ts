/** Small previews for the history list, made in the worker so lists never decode full-size images. */
import { canHaveAlpha, decodeImage, hasTransparency, renderScaled, resolveImageDeps, sniffBlob, type ImageDeps } from './image-io';
import { fitWithin } from './plan';

/** Preview quality: artefacts are invisible at list size, and bytes add up in IndexedDB. */
const THUMBNAIL_JPEG_QUALITY = 0.8;

/** A JPEG (PNG when transparent) whose longer side is at most maxSide; never upscales. */
export async function makeThumbnail(blob: Blob, maxSide = 256, deps?: ImageDeps): Promise<Blob> {
  const io = resolveImageDeps(deps);
  const type = await sniffBlob(blob);
  const source = await decodeImage(blob, type, io);
  try {
    const { width, height } = fitWithin(source.width, source.height, maxSide * maxSide, maxSide);
    const { canvas, context } = await renderScaled(source, width, height, io);
    if (canHaveAlpha(type) && hasTransparency(context, width, height)) {
      return await canvas.convertToBlob({ type: 'image/png' });
    }
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: THUMBNAIL_JPEG_QUALITY });
  } finally {
    source.close();
  }
}
