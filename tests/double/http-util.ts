// Small helpers over node:http shared by both servers.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads the whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Lower-cases header names and joins repeated values. */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** A reply decided by a route, written later (faults may delay or drop it). */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** JSON reply; errors use application/problem+json like the real API. */
export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return {
    status,
    headers: { 'content-type': type, ...headers },
    body: Buffer.from(JSON.stringify(body)),
  };
}

/** Raw reply (HTML error pages from the CDN, image bytes). */
export function rawReply(status: number, body: Buffer | string, contentType: string): Reply {
  return { status, headers: { 'content-type': contentType }, body: Buffer.from(body) };
}

/** Writes a reply. */
export function writeReply(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(reply.body.length) });
  res.end(reply.body);
}

/** Parses a body as JSON, or null when it is not JSON. */
export function tryParseJson(body: Buffer): unknown {
  if (body.length === 0) return null;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
