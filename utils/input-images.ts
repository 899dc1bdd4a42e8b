import type { NormalizedImage } from './image/normalize';
import { makeThumbnail } from './image/thumbnail';
import { putJobImage } from './image-store';
import type { ImageFacts } from './job';

/** Stores a prepared image (and its thumbnail) as the input of `imageId` (a job, or a prepared selection). */
export async function storeInput(imageId: string, normalized: Pick<NormalizedImage, 'blob' | 'width' | 'height' | 'type'>): Promise<ImageFacts> {
  const size = { width: normalized.width, height: normalized.height };
  await putJobImage(imageId, 'input', normalized.blob, size);
  await putJobImage(imageId, 'input-thumb', await makeThumbnail(normalized.blob));
  return { ...size, bytes: normalized.blob.size, type: normalized.type };
}
