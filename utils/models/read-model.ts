import { BaseUrl } from '../settings';
import { ModelName } from './model-spec-schema';
import { specFromModelResponse, type SpecResult } from './schema-to-spec';

/** The typed (maybe unsaved) model name, base URL and key the options page reads a model with. */
export interface ModelToRead {
  model: string;
  baseUrl: string;
  apiKey: string;
}

/**
 * Reads another model's inputs: `GET {base}/models/{owner}/{name}`, its latest version's Input schema,
 * made into a spec (schema-to-spec.ts). The key goes only to the typed base URL, as for every call.
 */
export async function readModelSpec({ model, baseUrl, apiKey }: ModelToRead, fetchFn: typeof fetch = (...args) => globalThis.fetch(...args)): Promise<SpecResult> {
  const name = ModelName.safeParse(model);
  if (!name.success) return { ok: false, message: name.error.issues[0]?.message ?? 'Name the model as owner/name.' };
  const base = BaseUrl.safeParse(baseUrl);
  if (!base.success) return { ok: false, message: base.error.issues[0]?.message ?? 'Invalid base URL.' };
  const token = apiKey.trim();
  if (!token) return { ok: false, message: 'Enter your API key first.' };
  const [owner = '', modelName = ''] = name.data.split('/');
  const url = `${base.data}/models/${encodeURIComponent(owner)}/${encodeURIComponent(modelName)}`;
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(20_000) });
  } catch {
    return { ok: false, message: `Could not reach ${new URL(base.data).host}. Check the API base URL and your connection (and, for a custom host, save it first so access can be allowed).` };
  }
  if (response.status === 401) return { ok: false, message: 'The API key was refused (401). Check that you copied the whole token.' };
  if (response.status === 404) return { ok: false, message: `No model named ${name.data} was found there (404).` };
  if (!response.ok) return { ok: false, message: `Reading ${name.data} failed (HTTP ${response.status}).` };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, message: `The answer about ${name.data} was not JSON.` };
  }
  return specFromModelResponse(name.data, body);
}
