// Request validation shaped like BFL's FastAPI answers: 422 with `detail: [{loc, msg, type}]`.
import { z } from 'zod';

// "21:9" down to "9:21": both sides whole, the ratio within those bounds.
const AspectRatio = z.string().refine((value) => {
  const match = /^(\d+):(\d+)$/.exec(value);
  if (!match) return false;
  const ratio = Number(match[1]) / Number(match[2]);
  return ratio >= 9 / 21 && ratio <= 21 / 9;
}, 'Aspect ratio must be between 21:9 and 9:21');

/** The body of `POST /v1/flux-kontext-pro|max`. */
export const BflEditBody = z.strictObject({
  prompt: z.string().min(1),
  input_image: z.string().min(1).nullish(),
  seed: z.number().int().nullish(),
  aspect_ratio: AspectRatio.nullish(),
  output_format: z.enum(['jpeg', 'png', 'webp']).nullish(),
  safety_tolerance: z.number().int().min(0).max(6).nullish(),
  prompt_upsampling: z.boolean().nullish(),
  webhook_url: z.string().nullish(),
  webhook_secret: z.string().nullish(),
});
export type BflEditBody = z.infer<typeof BflEditBody>;

/** FastAPI's validation error entry. */
export interface FastApiIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** The parsed body, or the 422 issues. */
export function validateEditBody(json: unknown): { ok: true; body: BflEditBody } | { ok: false; detail: FastApiIssue[] } {
  const parsed = BflEditBody.safeParse(json);
  if (parsed.success) return { ok: true, body: parsed.data };
  return {
    ok: false,
    detail: parsed.error.issues.map((issue) => ({
      loc: ['body', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      msg: issue.message,
      type: issue.code,
    })),
  };
}
