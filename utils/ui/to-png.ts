/** What converting needs from the browser; injected so tests can run without a canvas. */
export interface PngDeps {
  decode: (blob: Blob) => Promise<ImageBitmap>;
  encode: (bitmap: ImageBitmap) => Promise<Blob>;
}

/** Draws a bitmap on a canvas and encodes it as PNG (OffscreenCanvas where available). */
async function encodeWithCanvas(bitmap: ImageBitmap): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the image.');
    context.drawImage(bitmap, 0, 0);
    return canvas.convertToBlob({ type: 'image/png' });
  }
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the image.');
  context.drawImage(bitmap, 0, 0);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be converted to PNG.'))), 'image/png');
  });
}

const browserDeps: PngDeps = {
  decode: (blob) => createImageBitmap(blob),
  encode: encodeWithCanvas,
};

/**
 * The image as a PNG blob. The async clipboard API only promises `image/png` everywhere, so a JPEG
 * result is re-encoded before copying; a PNG is passed through untouched.
 */
export async function toPng(blob: Blob, deps: PngDeps = browserDeps): Promise<Blob> {
  if (blob.type === 'image/png') return blob;
  const bitmap = await deps.decode(blob);
  try {
    const png = await deps.encode(bitmap);
    return png.type === 'image/png' ? png : new Blob([png], { type: 'image/png' });
  } finally {
    bitmap.close();
  }
}
