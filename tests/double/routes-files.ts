// The Files API: upload, list, get, download, delete.
import { createHash } from 'node:crypto';
import type { ApiContext, RouteRequest } from './context';
import { jsonReply, rawReply, type Reply } from './http-util';
import { boundaryOf, parseMultipart, type Part } from './multipart';
import { badRequest, notFound } from './problems';
import { sha256, type StoredFile } from './stores';

const API = 'https://api.replicate.com/v1';
const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** The file resource as the API serialises it. */
export function fileBody(file: StoredFile): Record<string, unknown> {
  return {
    id: file.id,
    name: file.name,
    content_type: file.contentType,
    size: file.data.length,
    etag: createHash('md5').update(file.data).digest('hex'),
    checksums: { sha256: sha256(file.data), md5: createHash('md5').update(file.data).digest('hex') },
    metadata: file.metadata,
    created_at: new Date(file.createdAt).toISOString(),
    expires_at: new Date(file.expiresAt).toISOString(),
    urls: { get: `${API}/files/${file.id}` },
  };
}

const text = (part: Part | undefined): string | undefined => part?.data.toString('utf8');

/** POST /files (multipart: content, optional filename, type, metadata). */
export function uploadFile(ctx: ApiContext, req: RouteRequest): Reply {
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) return badRequest('Expected a multipart/form-data body');
  let parts: Part[];
  try {
    parts = parseMultipart(req.body, boundary);
  } catch (error) {
    return badRequest((error as Error).message);
  }
  const byName = (name: string): Part | undefined => parts.find((p) => p.name === name);
  const content = byName('content');
  if (!content) return badRequest('content is required');
  if (content.data.length > MAX_FILE_BYTES) return jsonReply(413, { detail: 'Files must be less than 100MB in size' });
  let metadata: unknown = {};
  const metadataText = text(byName('metadata'));
  if (metadataText !== undefined) {
    try {
      metadata = JSON.parse(metadataText) as unknown;
    } catch {
      return badRequest('metadata must be valid JSON');
    }
  }
  const name = text(byName('filename')) ?? content.filename ?? 'file';
  const type = text(byName('type')) ?? content.contentType ?? 'application/octet-stream';
  const file = ctx.files.add(req.account.username, name, type, Buffer.from(content.data), metadata);
  return jsonReply(201, fileBody(file));
}

function owned(ctx: ApiContext, req: RouteRequest, id: string): StoredFile | undefined {
  const file = ctx.files.get(id);
  return file && file.owner === req.account.username ? file : undefined;
}

/** GET /files */
export function listFiles(ctx: ApiContext, req: RouteRequest): Reply {
  return jsonReply(200, { previous: null, next: null, results: ctx.files.listOf(req.account.username).map(fileBody) });
}

/** GET /files/{id}: the resource; GET /files/{id}/download: the bytes. */
export function getFile(ctx: ApiContext, req: RouteRequest, id: string, download: boolean): Reply {
  const file = owned(ctx, req, id);
  if (!file) return notFound('File not found');
  return download ? rawReply(200, file.data, file.contentType) : jsonReply(200, fileBody(file));
}

/** DELETE /files/{id} */
export function deleteFile(ctx: ApiContext, req: RouteRequest, id: string): Reply {
  if (!owned(ctx, req, id)) return notFound('File not found');
  ctx.files.delete(id);
  return { status: 204, headers: {}, body: Buffer.alloc(0) };
}
