// The two listeners of the BFL double: the API (records, authenticates, routes) and the delivery host.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { flatHeaders, readBody, tryParseJson, writeReply } from '../http-util';
import { routeBfl, routeBflAdmin, type BflApiState } from './api-routes';
import type { BflRecordedRequest } from './types';

/** Listener of the API server. */
export function createBflApiListener(state: BflApiState, requests: BflRecordedRequest[]) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://double.invalid');
    const json = tryParseJson(await readBody(req));
    if (url.pathname.startsWith('/__double/')) return writeReply(res, routeBflAdmin(state, method, url.pathname, json));
    const headers = flatHeaders(req);
    const record: BflRecordedRequest = { method, path: url.pathname + url.search, status: 0, headers, body: json, at: state.now() };
    requests.push(record);
    const route = url.pathname.startsWith('/v1/') ? url.pathname.slice(3) : null;
    const reply = route === null
      ? { status: 404, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"detail":"Not Found"}') }
      : await routeBfl(state, { method, route, query: url.searchParams, key: headers['x-key'], json });
    record.status = reply.status;
    writeReply(res, reply);
  };
}

/** Listener of the delivery server: samples until their result expires (then 403, like a lapsed signed URL). */
export function createBflDeliveryListener(state: BflApiState, requests: BflRecordedRequest[]) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://double.invalid');
    await readBody(req);
    const record: BflRecordedRequest = { method, path: url.pathname + url.search, status: 0, headers: flatHeaders(req), body: null, at: state.now() };
    requests.push(record);
    const file = state.book.samples.get(url.pathname);
    const cors = { 'access-control-allow-origin': '*' };
    if (!file || (method !== 'GET' && method !== 'HEAD')) {
      record.status = 404;
      res.writeHead(404, { ...cors, 'content-type': 'text/plain' });
      return void res.end('Not Found');
    }
    if (!state.book.sampleAlive(url.pathname)) {
      record.status = 403;
      res.writeHead(403, { ...cors, 'content-type': 'application/xml' });
      return void res.end('<Error><Code>AuthenticationFailed</Code><Message>Signed expiry time has passed</Message></Error>');
    }
    record.status = 200;
    res.writeHead(200, { ...cors, 'content-type': file.contentType, 'content-length': String(file.data.length) });
    res.end(method === 'HEAD' ? undefined : file.data);
  };
}
