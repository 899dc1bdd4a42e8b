/**
 * Messages between the service worker and the offscreen document. They travel by postMessage
 * (structured clone), not runtime.sendMessage (JSON), so Blobs and ImageBitmaps cross without
 * copies or base64: the worker posts to the document's window client with a MessageChannel port,
 * and the document answers on that port.
 */
import { z } from 'zod';
import type { BitmapLike } from './image-io';

/** The offscreen document's page (entrypoints/offscreen/index.html). */
export const OFFSCREEN_DOCUMENT_PATH = '/offscreen.html';

const Pixels = z.number().int().min(1).max(65_535);

/** A request to the offscreen document. */
export const OffscreenRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('offscreen:rasterize-svg'),
    svg: z.instanceof(Blob),
    width: Pixels,
    height: Pixels,
    intrinsicWidth: z.number().positive(),
    intrinsicHeight: z.number().positive(),
  }),
  z.object({
    kind: z.literal('offscreen:decode-scaled'),
    image: z.instanceof(Blob),
    type: z.string().regex(/^image\/[\w.+-]+$/),
    width: Pixels,
    height: Pixels,
    desiredWidth: Pixels,
    desiredHeight: Pixels,
  }),
]);
export type OffscreenRequest = z.infer<typeof OffscreenRequest>;

const isBitmap = (value: unknown): value is BitmapLike =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as BitmapLike).width === 'number' &&
  typeof (value as BitmapLike).height === 'number' &&
  typeof (value as BitmapLike).close === 'function';

/** The document's answer: the bitmap (transferred), or why it could not make one. */
export const OffscreenReply = z.union([
  z.object({ ok: z.literal(true), bitmap: z.custom<BitmapLike>(isBitmap) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type OffscreenReply = z.infer<typeof OffscreenReply>;
