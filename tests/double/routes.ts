// Routing of /v1 requests: endpoint switches, bearer auth, then the handlers.
import type { ApiContext, RouteRequest } from './context';
import { jsonReply, type Reply } from './http-util';
import { methodNotAllowed, notFound, unauthenticated } from './problems';
import { deleteFile, getFile, listFiles, uploadFile } from './routes-files';
import { getModel } from './routes-models';
import { cancelPrediction, createPrediction, getPrediction, listPredictions } from './routes-predictions';
import type { TokenAccount } from './types';

/** The account of `Authorization: Bearer <token>` (the API also takes `Token <token>`). */
export function authenticate(ctx: ApiContext, authorization: string | undefined): TokenAccount | undefined {
  const match = /^(?:Bearer|Token)\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ? ctx.options.tokens[match[1]] : undefined;
}

type Handler = (ctx: ApiContext, req: RouteRequest, params: string[]) => Reply | Promise<Reply>;

const ROUTES: Array<[string, RegExp, Handler]> = [
  ['POST', /^\/models\/([^/]+)\/([^/]+)\/predictions$/, (c, r, [o, n]) => createPrediction(c, r, `${o}/${n}`)],
  ['GET', /^\/models\/([^/]+)\/([^/]+)$/, (_c, _r, [o, n]) => getModel(`${o}/${n}`)],
  ['POST', /^\/predictions$/, (c, r) => createPrediction(c, r, null)],
  ['GET', /^\/predictions$/, (c, r) => listPredictions(c, r)],
  ['GET', /^\/predictions\/([^/]+)$/, (c, r, [id = '']) => getPrediction(c, r, id)],
  ['POST', /^\/predictions\/([^/]+)\/cancel$/, (c, r, [id = '']) => cancelPrediction(c, r, id)],
  ['GET', /^\/account$/, (_c, r) => accountReply(r.account)],
  ['POST', /^\/files$/, (c, r) => uploadFile(c, r)],
  ['GET', /^\/files$/, (c, r) => listFiles(c, r)],
  ['GET', /^\/files\/([^/]+)$/, (c, r, [id = '']) => getFile(c, r, id, false)],
  ['GET', /^\/files\/([^/]+)\/download$/, (c, r, [id = '']) => getFile(c, r, id, true)],
  ['DELETE', /^\/files\/([^/]+)$/, (c, r, [id = '']) => deleteFile(c, r, id)],
];

function accountReply(account: TokenAccount): Reply {
  const { username } = account;
  return jsonReply(200, { type: 'user', username, name: account.name ?? username, github_url: `https://github.com/${username}` });
}

/** True when a proxy-like configuration hides the route entirely (404 even without a token). */
function hidden(ctx: ApiContext, route: string): boolean {
  if (!ctx.options.accountEndpoint && route === '/account') return true;
  return !ctx.options.filesEndpoint && (route === '/files' || route.startsWith('/files/'));
}

/** Answers one /v1 request. `route` has the /v1 prefix removed. */
export async function routeApi(ctx: ApiContext, req: Omit<RouteRequest, 'account'>): Promise<Reply> {
  if (hidden(ctx, req.route)) return notFound();
  const account = authenticate(ctx, req.headers.authorization);
  if (!account) return unauthenticated();
  const candidates = ROUTES.filter(([, pattern]) => pattern.test(req.route));
  if (candidates.length === 0) return notFound();
  const route = candidates.find(([method]) => method === req.method);
  if (!route) return methodNotAllowed();
  const params = (route[1].exec(req.route) ?? []).slice(1).map((p) => decodeURIComponent(p));
  return route[2](ctx, { ...req, account }, params);
}
