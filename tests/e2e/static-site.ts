import { createServer } from 'node:http';
import type { IncomingMessage, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HUGE_JPEG_PATH, HUGE_JPEG_SIZE } from './corpus-types';
import { QUADRANTS } from './corpus-colours';
import { createQuadrantJpeg } from './quadrant-jpeg';

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
  '.avif': 'image/avif',
  '.webm': 'video/webm',
};

/** Files made in memory on first request instead of read from disk (too big to commit). */
export type GeneratedFiles = Record<string, () => Buffer>;

let hugeJpeg: Buffer | undefined;

/** The corpus's ~50 MP JPEG, made once per process (about 0.2 s, 0.9 MB). */
export const CORPUS_GENERATED_FILES: GeneratedFiles = {
  [HUGE_JPEG_PATH]: () => (hugeJpeg ??= createQuadrantJpeg(HUGE_JPEG_SIZE.width, HUGE_JPEG_SIZE.height, QUADRANTS)),
};

/** Options of `startStaticSite`. */
export interface StaticSiteOptions {
  /** Paths served from memory; default: the corpus's generated files. */
  generated?: GeneratedFiles;
}

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
  /** Value of the session cookie that `setcookie=NAME` sets and `cookie=NAME` requires (random per site). */
  sessionToken: string;
  /** Serve `pathname` with a custom handler instead of a file (e.g. to stall or fail an image). */
  route(pathname: string, handler: SiteHandler): void;
  close(): Promise<void>;
}

/**
 * Starts the two servers. Query parameters every file accepts:
 * `cors=1` adds `Access-Control-Allow-Origin: *`; `status=NNN` answers that status with no body;
 * `delay=MS` waits before answering; `hotlink=1` answers 403 unless the Referer is a page of the main
 * origin; `cookie=NAME` answers 403 unless cookie NAME carries `sessionToken`; `setcookie=NAME` sets that
 * cookie (HttpOnly, Path=/; cookies ignore ports, so both origins receive it). HTML pages get
 * `__CROSS_ORIGIN__` replaced by the other origin. Single byte ranges are honoured (video needs them).
 */
export async function startStaticSite(root = PAGES_DIR, options: StaticSiteOptions = {}): Promise<StaticSite> {
  const requests: SiteRequest[] = [];
  const routes = new Map<string, SiteHandler>();
  const origins = { main: '', cross: '' };
  const sessionToken = randomUUID();
  const generated = options.generated ?? CORPUS_GENERATED_FILES;

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
      const setCookie = url.searchParams.get('setcookie');
      if (setCookie) headers['Set-Cookie'] = `${setCookie}=${sessionToken}; Path=/; HttpOnly; SameSite=Lax`;
      const status = Number(url.searchParams.get('status') ?? 200);
      if (status !== 200) return void res.writeHead(status, headers).end();
      const refusal = gateRefusal(url.searchParams, req.headers, origins.main, sessionToken);
      if (refusal) return void res.writeHead(403, { ...headers, 'Content-Type': 'text/plain' }).end(refusal);
      const file = { pathname: url.pathname, otherOrigin: origin === 'main' ? origins.cross : origins.main, range: req.headers.range };
      await serveFile(root, generated, file, headers, res);
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
    sessionToken,
    route: (pathname, handler) => void routes.set(pathname, handler),
    close: async () => {
      await Promise.all([main.close(), cross.close()]);
    },
  };
}

/** Why a gated file is refused (hotlink protection, session cookie), or null when it may be served. */
function gateRefusal(query: URLSearchParams, headers: IncomingHttpHeaders, mainOrigin: string, sessionToken: string): string | null {
  if (query.get('hotlink') === '1' && refererOrigin(headers.referer) !== mainOrigin) return 'hotlinking refused: Referer is not the site';
  const cookie = query.get('cookie');
  if (cookie && !cookiesOf(headers.cookie).some(([name, value]) => name === cookie && value === sessionToken)) return `no valid ${cookie} cookie`;
  return null;
}

function refererOrigin(referer: string | undefined): string | null {
  try {
    return referer ? new URL(referer).origin : null;
  } catch {
    return null;
  }
}

function cookiesOf(header: string | undefined): Array<[string, string]> {
  return (header ?? '').split(';').map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  });
}

interface FileRequest {
  pathname: string;
  /** Replaces `__CROSS_ORIGIN__` in HTML. */
  otherOrigin: string;
  /** The Range header, if any. */
  range: string | undefined;
}

async function serveFile(root: string, generated: GeneratedFiles, request: FileRequest, headers: Record<string, string>, res: ServerResponse) {
  const { pathname, otherOrigin } = request;
  const file = path.join(root, path.normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
  if (!file.startsWith(root + path.sep)) return void res.writeHead(403, headers).end();
  let body: Buffer;
  try {
    body = generated[pathname]?.() ?? (await readFile(file));
  } catch {
    return void res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html') body = Buffer.from(body.toString('utf8').replaceAll(CROSS_ORIGIN_PLACEHOLDER, otherOrigin));
  const typed = { ...headers, 'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes' };
  const range = request.range ? parseRange(request.range, body.length) : null;
  if (range === 'unsatisfiable') return void res.writeHead(416, { ...typed, 'Content-Range': `bytes */${body.length}` }).end();
  if (range) {
    const part = body.subarray(range.start, range.end + 1);
    res.writeHead(206, { ...typed, 'Content-Range': `bytes ${range.start}-${range.end}/${body.length}`, 'Content-Length': String(part.length) });
    return void res.end(part);
  }
  res.writeHead(200, { ...typed, 'Content-Length': String(body.length) });
  res.end(body);
}

/** A single `bytes=start-end` range (either end may be missing); null for anything else, which gets the whole file. */
function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
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
