// The /__double/ admin surface, so another process (the demo) can drive the double over HTTP.
import { z } from 'zod';
import type { FaultQueue } from './faults';
import { jsonReply, tryParseJson, type Reply } from './http-util';
import type { PredictionEngine } from './prediction-engine';
import type { Fault, RecordedRequest } from './types';

/** A match sent over HTTP: a string path, taken as a RegExp source when `regex` is true. */
const WireMatch = z.object({ method: z.string().optional(), path: z.string(), regex: z.boolean().optional() });
const Common = { match: WireMatch, times: z.number().int().positive().optional() };

/** A fault as POSTed to /__double/faults. */
export const WireFault = z.union([
  z.object({
    ...Common,
    respond: z.object({
      status: z.number().int().min(100).max(599),
      body: z.unknown().optional(),
      headers: z.record(z.string(), z.string()).optional(),
    }),
  }),
  z.object({ ...Common, drop: z.literal(true), afterCreate: z.boolean().optional() }),
  z.object({ ...Common, delayMs: z.number().nonnegative() }),
  z.object({ ...Common, outcome: z.enum(['moderation', 'failed', 'no-output', 'slow', 'array-output', 'data-uri-output']) }),
  z.object({ ...Common, quirk: z.enum(['stale-starting', 'processing-with-output']) }),
]);
export type WireFault = z.infer<typeof WireFault>;

/** Converts a wire fault to a Fault. */
export function faultFromWire(wire: WireFault): Fault {
  const { regex, ...match } = wire.match;
  const path = regex ? new RegExp(match.path) : match.path;
  return { ...wire, match: { ...match, path } } as Fault;
}

/** Timing as POSTed to /__double/timing. */
export const WireTiming = z.object({
  startingMs: z.number().nonnegative().optional(),
  processingMs: z.number().nonnegative().optional(),
});

/** What the admin surface controls. */
export interface AdminDeps {
  faults: FaultQueue;
  engine: PredictionEngine;
  requests: RecordedRequest[];
}

const ok = (): Reply => jsonReply(200, { ok: true });
const invalid = (error: z.ZodError): Reply => jsonReply(400, { title: 'Invalid admin request', detail: error.message, status: 400 });

/** Answers /__double/* requests. */
export function routeAdmin(deps: AdminDeps, method: string, route: string, body: Buffer): Reply {
  const key = `${method} ${route}`;
  if (key === 'POST /__double/faults') {
    const parsed = WireFault.safeParse(tryParseJson(body));
    if (!parsed.success) return invalid(parsed.error);
    deps.faults.add(faultFromWire(parsed.data));
    return ok();
  }
  if (key === 'DELETE /__double/faults') {
    deps.faults.clear();
    return ok();
  }
  if (key === 'GET /__double/requests') return jsonReply(200, deps.requests);
  if (key === 'DELETE /__double/requests') {
    deps.requests.length = 0;
    return ok();
  }
  if (key === 'GET /__double/predictions') {
    return jsonReply(200, [...deps.engine.predictions.values()].map((p) => ({ owner: p.owner, ...p.body })));
  }
  if (key === 'POST /__double/timing') {
    const parsed = WireTiming.safeParse(tryParseJson(body));
    if (!parsed.success) return invalid(parsed.error);
    deps.engine.setTiming(parsed.data);
    return ok();
  }
  return jsonReply(404, { detail: `No admin route ${key}`, status: 404 });
}
