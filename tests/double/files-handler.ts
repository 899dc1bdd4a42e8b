// The delivery server (replicate.delivery): output files, no auth, open CORS like a CDN.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { faultReply } from './api-handler';
import type { FaultQueue } from './faults';
import { flatHeaders, readBody, tryParseJson, writeReply } from './http-util';
import type { OutputStore } from './stores';
import type { RecordedRequest } from './types';

const CORS = { 'access-control-allow-origin': '*' };

/** Builds the listener of the files server. */
export function createFilesListener(outputs: OutputStore, faults: FaultQueue, requests: RecordedRequest[], now: () => number) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://double.invalid').pathname;
    const body = await readBody(req);
    const record: RecordedRequest = {
      method, path, status: 0, headers: flatHeaders(req), bodyBytes: body.length, body: tryParseJson(body), at: now(),
    };
    requests.push(record);
    // Faults on /xezq/ paths reach this server: output links that die early, slow or cut downloads.
    const fault = faults.take(['respond', 'drop', 'delay'], method, path);
    if (fault && 'drop' in fault) return void req.socket.destroy();
    if (fault && 'delayMs' in fault) await sleep(fault.delayMs);
    if (fault && 'respond' in fault) {
      const reply = faultReply(fault);
      record.status = reply.status;
      return writeReply(res, { ...reply, headers: { ...CORS, ...reply.headers } });
    }
    const file = outputs.get(path);
    if (method === 'OPTIONS') {
      record.status = 204;
      res.writeHead(204, { ...CORS, 'access-control-allow-methods': 'GET, HEAD', 'access-control-allow-headers': '*' });
      return void res.end();
    }
    if ((method !== 'GET' && method !== 'HEAD') || !file) {
      record.status = 404;
      res.writeHead(404, { ...CORS, 'content-type': 'text/plain' });
      return void res.end(method === 'HEAD' ? undefined : 'Not Found');
    }
    record.status = 200;
    res.writeHead(200, {
      ...CORS,
      'content-type': file.contentType,
      'content-length': String(file.data.length),
      'cache-control': 'public, max-age=3600',
    });
    res.end(method === 'HEAD' ? undefined : file.data);
  };
}
