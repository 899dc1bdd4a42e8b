// Response rewrites reproducing what the real API sends in sync mode (API-NOTES.md, "Prediction object").
import { jsonReply, tryParseJson, type Reply } from './http-util';
import type { PredictionBody, Quirk } from './types';

/** Applies a quirk to a prediction reply; other replies pass unchanged. */
export function applyQuirk(reply: Reply, quirk: Quirk): Reply {
  const body = tryParseJson(reply.body) as Partial<PredictionBody> | null;
  if (!body || typeof body !== 'object' || typeof body.status !== 'string' || typeof body.id !== 'string') return reply;
  const copy: Partial<PredictionBody> = { ...body };
  if (quirk === 'stale-starting' && copy.status !== 'starting') {
    // A stale view: "starting" although the job already runs (or even finished).
    Object.assign(copy, { status: 'starting', output: null, error: null, logs: '' });
    delete copy.started_at;
    delete copy.completed_at;
    delete copy.metrics;
  } else if (quirk === 'processing-with-output' && copy.status === 'succeeded' && copy.output != null) {
    // Done, but the status still says "processing".
    copy.status = 'processing';
    delete copy.completed_at;
    if (copy.metrics) copy.metrics = { total_time: copy.metrics.total_time };
  } else {
    return reply;
  }
  return jsonReply(reply.status, copy);
}
