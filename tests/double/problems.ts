// Error bodies with the shapes the real API sends (see API-NOTES.md, "Errors").
import { jsonReply, rawReply, type Reply } from './http-util';

/** One entry of a 422's invalid_fields. */
export interface InvalidField {
  type: string;
  field: string;
  description: string;
}

/** 401 for a missing or unknown token. */
export const unauthenticated = (): Reply =>
  jsonReply(401, { title: 'Unauthenticated', detail: 'You did not pass a valid authentication token', status: 401 });

/** 402 for an account without credit; the real detail carries a billing link. */
export const insufficientCredit = (): Reply =>
  jsonReply(402, {
    title: 'Insufficient credit',
    detail:
      'You have insufficient credit to run this model. Go to https://replicate.com/account/billing#billing to purchase credit. Once you purchase credit, please wait a few minutes before trying again.',
    status: 402,
  });

/** 404 for unknown routes, models and predictions. */
export const notFound = (detail = 'The requested resource could not be found.'): Reply =>
  jsonReply(404, { detail, status: 404 });

/** 400 for a body that is not JSON. */
export const badJson = (reason: string): Reply =>
  jsonReply(400, { title: 'Invalid request body', detail: `Failed to parse request body as JSON: ${reason}`, status: 400 });

/** 400 for other malformed requests. */
export const badRequest = (detail: string): Reply => jsonReply(400, { title: 'Bad request', detail, status: 400 });

/** 405 for a known path with the wrong method. */
export const methodNotAllowed = (): Reply =>
  jsonReply(405, { title: 'Method not allowed', detail: 'Method not allowed', status: 405 });

/** 422 listing every invalid field, one "- field: message" line each. */
export const validationFailed = (fields: InvalidField[]): Reply =>
  jsonReply(422, {
    title: 'Input validation failed',
    detail: fields.map((f) => `- ${f.field}: ${f.description}`).join('\n'),
    status: 422,
    invalid_fields: fields,
  });

/** 422 for a version that is neither a known model nor a version id. */
export const invalidVersion = (): Reply =>
  jsonReply(422, {
    title: 'Invalid version or not permitted',
    detail: "The specified version does not exist (or perhaps you don't have permission to use it?)",
    status: 422,
  });

/** 429 exactly as published: no Retry-After header, the wait (whole seconds, at least 1) is only in the text. */
export const throttled = (waitMs = 30_000): Reply =>
  jsonReply(429, { detail: `Request was throttled. Your rate limit resets in ~${Math.max(1, Math.ceil(waitMs / 1000))}s.` });

const HTML_GATEWAY = (status: number, text: string): string =>
  `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n`;

/** The body a fault answers with when it names only a status. */
export function defaultFaultReply(status: number): Reply {
  if (status === 429) return throttled();
  if (status === 401) return unauthenticated();
  if (status === 402) return insufficientCredit();
  if (status === 404) return notFound();
  // Gateways in front of the API answer with HTML, which clients must survive.
  if (status === 502) return rawReply(502, HTML_GATEWAY(502, 'Bad Gateway'), 'text/html');
  if (status === 503) return rawReply(503, HTML_GATEWAY(503, 'Service Temporarily Unavailable'), 'text/html');
  if (status === 504) return rawReply(504, HTML_GATEWAY(504, 'Gateway Time-out'), 'text/html');
  if (status >= 500) return jsonReply(status, { title: 'Internal Server Error', detail: 'Internal server error', status });
  return jsonReply(status, { title: 'Error', detail: `HTTP ${status}`, status });
}
