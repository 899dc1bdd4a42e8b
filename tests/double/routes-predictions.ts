// Create, get, cancel and list predictions.
import { takeOutcome, type ApiContext, type RouteRequest } from './context';
import { checkCreateBody } from './create-request';
import { MIN_CANCEL_AFTER_MS, parseDuration, parsePreferWait } from './headers';
import { jsonReply, type Reply } from './http-util';
import { KNOWN_MODELS, modelOfVersion } from './models';
import { badJson, badRequest, insufficientCredit, invalidVersion, notFound, throttled, validationFailed } from './problems';

const API = 'https://api.replicate.com/v1';

function parseJsonBody(body: Buffer): { ok: true; value: unknown } | { ok: false; reply: Reply } {
  if (body.length === 0) return { ok: false, reply: badJson('EOF') };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch (error) {
    return { ok: false, reply: badJson((error as Error).message) };
  }
}

/** POST /models/{owner}/{name}/predictions and POST /predictions. */
export async function createPrediction(ctx: ApiContext, req: RouteRequest, pathModel: string | null): Promise<Reply> {
  // The limiter sits in front of the handler: every create request it lets through costs a token.
  const waitMs = ctx.createLimiter?.take(req.account.username) ?? 0;
  if (waitMs > 0) return throttled(waitMs);
  if (pathModel !== null && !KNOWN_MODELS.has(pathModel)) return notFound();
  if (req.body.length > ctx.options.maxBodyBytes) return badJson('EOF');
  const parsed = parseJsonBody(req.body);
  if (!parsed.ok) return parsed.reply;
  const check = checkCreateBody(parsed.value, pathModel === null ? 'version' : 'model', pathModel);
  if (!check.ok) return validationFailed(check.fields);
  const model = pathModel ?? modelOfVersion(check.version ?? '');
  if (model === null) return invalidVersion();
  let deadlineMs: number | null = null;
  const cancelAfter = req.headers['cancel-after'];
  if (cancelAfter !== undefined) {
    deadlineMs = parseDuration(cancelAfter);
    if (deadlineMs === null || deadlineMs < MIN_CANCEL_AFTER_MS) {
      return badRequest(`Invalid Cancel-After header "${cancelAfter}": the minimum duration is 5s`);
    }
  }
  if (req.account.credit === false) return insufficientCredit();
  const prediction = ctx.engine.create({
    model, input: check.input, owner: req.account.username, deadlineMs, outcome: takeOutcome(ctx, req),
  });
  const wait = Math.min(parsePreferWait(req.headers.prefer), ctx.options.maxPreferWaitSeconds);
  if (wait > 0) await ctx.engine.waitForTerminal(prediction, wait * 1000);
  return jsonReply(201, prediction.body);
}

function owned(ctx: ApiContext, req: RouteRequest, id: string) {
  const prediction = ctx.engine.predictions.get(id);
  return prediction && prediction.owner === req.account.username ? prediction : undefined;
}

/** GET /predictions/{id} */
export function getPrediction(ctx: ApiContext, req: RouteRequest, id: string): Reply {
  const prediction = owned(ctx, req, id);
  return prediction ? jsonReply(200, prediction.body) : notFound();
}

/** POST /predictions/{id}/cancel: answers the prediction, final states unchanged. */
export function cancelPrediction(ctx: ApiContext, req: RouteRequest, id: string): Reply {
  const prediction = owned(ctx, req, id);
  if (!prediction) return notFound();
  ctx.engine.cancel(prediction);
  return jsonReply(200, prediction.body);
}

/** GET /predictions: newest first, cursor-paginated with absolute URLs like the real API. */
export function listPredictions(ctx: ApiContext, req: RouteRequest): Reply {
  const mine = [...ctx.engine.predictions.values()].filter((p) => p.owner === req.account.username).reverse();
  const size = ctx.options.listPageSize;
  const cursor = req.query.get('cursor');
  const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0) return badRequest('Invalid cursor');
  const link = (at: number): string => `${API}/predictions?cursor=${Buffer.from(String(at)).toString('base64url')}`;
  return jsonReply(200, {
    previous: offset > 0 ? link(Math.max(0, offset - size)) : null,
    next: offset + size < mine.length ? link(offset + size) : null,
    results: mine.slice(offset, offset + size).map((p) => p.body),
  });
}
