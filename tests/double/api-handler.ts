// The request pipeline of the API server: record, apply faults, route, answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiContext } from './context';
import { flatHeaders, jsonReply, rawReply, readBody, tryParseJson, writeReply, type Reply } from './http-util';
import { defaultFaultReply } from './problems';
import { applyQuirk } from './quirks';
import { routeAdmin, type AdminDeps } from './routes-admin';
import { routeApi } from './routes';
import type { Fault, RecordedRequest } from './types';

/** Everything the pipeline uses. */
export interface PipelineDeps extends AdminDeps {
  ctx: ApiContext;
}

/** The reply of a `respond` fault: a string body is sent as plain text, anything else as JSON. */
export function faultReply(fault: Extract<Fault, { respond: unknown }>): Reply {
  const { status, body, headers = {} } = fault.respond;
  const base =
    body === undefined ? defaultFaultReply(status) : typeof body === 'string' ? rawReply(status, body, 'text/plain') : jsonReply(status, body);
  return { ...base, headers: { ...base.headers, ...headers } };
}

/** Builds the listener of the API server. */
export function createApiListener(deps: PipelineDeps) {
  const { ctx } = deps;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = ctx.now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://double.invalid');
    const body = await readBody(req);
    if (url.pathname.startsWith('/__double/')) return writeReply(res, routeAdmin(deps, method, url.pathname, body));

    const rawPath = url.pathname + url.search;
    const headers = flatHeaders(req);
    const record: RecordedRequest = { method, path: rawPath, status: 0, headers, bodyBytes: body.length, body: tryParseJson(body), at };
    deps.requests.push(record);

    const early = ctx.faults.take(['respond', 'drop'], method, rawPath);
    if (early && 'drop' in early) return void req.socket.destroy();
    let reply: Reply;
    if (early && 'respond' in early) {
      reply = faultReply(early);
    } else {
      const route = url.pathname.startsWith('/v1/') ? url.pathname.slice(3) : null;
      reply = route === null
        ? jsonReply(404, { detail: 'The requested resource could not be found.', status: 404 })
        : await routeApi(ctx, { method, route, query: url.searchParams, rawPath, headers, body });
      if (ctx.faults.take(['drop-after'], method, rawPath)) return void req.socket.destroy();
      const quirk = ctx.faults.take(['quirk'], method, rawPath);
      if (quirk && 'quirk' in quirk) reply = applyQuirk(reply, quirk.quirk);
    }
    const delay = ctx.faults.take(['delay'], method, rawPath);
    if (delay && 'delayMs' in delay) await sleep(delay.delayMs);
    record.status = reply.status;
    if (!res.destroyed) writeReply(res, reply);
  };
}
