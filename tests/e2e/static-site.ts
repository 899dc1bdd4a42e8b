import { createServer } from 'node:http';
import type { IncomingMessage, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Folder of the static test pages and images. */
export const PAGES_DIR = path.resolve(import.meta.dirname, '../fixtures/pages');

/** Placeholder in HTML pages replaced by the other origin (`http://127.0.0.1:PORT`), for cross-origin images. */
export const CROSS_ORIGIN_PLACEHOLDER = '__CROSS_ORIGIN__';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** One request the site received. `origin` tells which of the two servers answered it. */
export interface SiteRequest {
  origin: 'main' | 'cross';
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  at: number;
}

/** A test's own answer for one path (both origins); return after writing the response. */
export type SiteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Two static servers on 127.0.0.1 serving the test pages: the main origin and a cross origin. */
export interface StaticSite {
  /** Main origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Second origin (another port) for cross-origin images. */
  crossOrigin: string;
  /** URL of a path on the main origin: `site.url('/images.html')`. */
  url(pathname: string): string;
  /** URL of a path on the cross origin. */
  crossUrl(pathname: string): string;
  /** Every request received, oldest first. */
  requests: SiteRequest[];
  /** Serve `pathname` with a custom handler instead of a file (e.g. to stall or fail an image). */
  route(pathname: string, handler: SiteHandler): void;
  close(): Promise<void>;
}

/**
 * Starts the two servers. Query parameters every file accepts:
 * `cors=1` adds `Access-Control-Allow-Origin: *`; `status=NNN` answers that status with no body;
 * `delay=MS` waits before answering. HTML pages get `__CROSS_ORIGIN__` replaced by the other origin.
 */
export async function startStaticSite(root = PAGES_DIR): Promise<StaticSite> {
  const requests: SiteRequest[] = [];
  const routes = new Map<string, SiteHandler>();
  const origins = { main: '', cross: '' };

  const handlerFor = (origin: SiteRequest['origin']) => async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    requests.push({ origin, method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, at: Date.now() });
    try {
      const custom = routes.get(url.pathname);
      if (custom) return await custom(req, res);
      const delay = Number(url.searchParams.get('delay') ?? 0);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
      if (url.searchParams.get('cors') === '1') headers['Access-Control-Allow-Origin'] = '*';
      const status = Number(url.searchParams.get('status') ?? 200);
      if (status !== 200) return void res.writeHead(status, headers).end();
      await serveFile(root, url.pathname, origin === 'main' ? origins.cross : origins.main, headers, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    }
  };

  const main = await listen(createServer((req, res) => void handlerFor('main')(req, res)));
  const cross = await listen(createServer((req, res) => void handlerFor('cross')(req, res)));
  origins.main = main.origin;
  origins.cross = cross.origin;

  return {
    origin: main.origin,
    crossOrigin: cross.origin,
    url: (pathname) => new URL(pathname, main.origin).href,
    crossUrl: (pathname) => new URL(pathname, cross.origin).href,
    requests,
    route: (pathname, handler) => void routes.set(pathname, handler),
    close: async () => {
      await Promise.all([main.close(), cross.close()]);
    },
  };
}

async function serveFile(root: string, pathname: string, otherOrigin: string, headers: Record<string, string>, res: ServerResponse) {
  const file = path.join(root, path.normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
  if (!file.startsWith(root + path.sep)) return void res.writeHead(403, headers).end();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return void res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html') body = Buffer.from(body.toString('utf8').replaceAll(CROSS_ORIGIN_PLACEHOLDER, otherOrigin));
  res.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream', 'Content-Length': String(body.length) });
  res.end(body);
}

async function listen(server: Server): Promise<{ origin: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
