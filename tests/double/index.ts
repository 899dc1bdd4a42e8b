// A local double of Replicate's predictions API plus a replicate.delivery-like files server.
// Started in-process by end-to-end tests and by the demo; see README.md beside this file.
import { createApiListener } from './api-handler';
import type { ApiContext, ResolvedOptions } from './context';
import { FaultQueue } from './faults';
import { createFilesListener } from './files-handler';
import { PredictionEngine } from './prediction-engine';
import { CreateRateLimiter } from './rate-limit';
import { closeServer, createServer, listen, originOf } from './server';
import { FileStore, OutputStore } from './stores';
import { createTlsMaterial } from './tls';
import type { ApiDouble, DoubleOptions, RecordedRequest, TokenAccount } from './types';

export type { CreateRateLimit } from './rate-limit';
export type {
  ApiDouble, DoubleOptions, DoublePrediction, Fault, ImageFormat, InputInfo, Match, Outcome, PredictionBody,
  PredictionStatus, Quirk, RecordedRequest, Timing, TokenAccount,
} from './types';

/** Tokens accepted when none are configured. */
export const DEFAULT_TOKENS: Record<string, TokenAccount> = {
  r8_test_valid: { username: 'kontext-tester', name: 'Kontext Tester', credit: true },
  r8_test_nocredit: { username: 'broke-user', credit: false },
};

/** Starts both servers and resolves once they listen. */
export async function startApiDouble(opts: DoubleOptions = {}): Promise<ApiDouble> {
  const now = (): number => Date.now();
  const host = opts.host ?? '127.0.0.1';
  const tls = opts.tls ? await createTlsMaterial() : null;
  const options: ResolvedOptions = {
    tokens: opts.tokens ?? DEFAULT_TOKENS,
    accountEndpoint: opts.accountEndpoint ?? true,
    filesEndpoint: opts.filesEndpoint ?? true,
    listPageSize: opts.listPageSize ?? 100,
    maxBodyBytes: opts.maxBodyBytes ?? 32 * 1024 * 1024,
    maxPreferWaitSeconds: opts.maxPreferWaitSeconds ?? 60,
  };
  const files = new FileStore(now);
  const outputs = new OutputStore();
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const fileRequests: RecordedRequest[] = [];
  let filesUrl = '';
  const engine = new PredictionEngine({
    now,
    outputs,
    resolve: { files, outputs, fetch: opts.fetch ?? fetch, allowLoopback: opts.allowLoopbackInputUrls ?? false },
    outputBaseUrl: () => (opts.outputBaseUrl ?? filesUrl).replace(/\/+$/, ''),
    retentionMs: opts.retentionMs ?? 3_600_000,
  });
  if (opts.timing) engine.setTiming(opts.timing);
  const createLimiter = opts.createRateLimit ? new CreateRateLimiter(opts.createRateLimit, now) : null;
  const ctx: ApiContext = { engine, files, faults, options, now, createLimiter };

  const apiServer = createServer(createApiListener({ ctx, faults, engine, requests }), tls);
  const filesServer = createServer(createFilesListener(outputs, faults, fileRequests, now), tls);
  const apiPort = await listen(apiServer, host, opts.apiPort ?? 0);
  const filesPort = await listen(filesServer, host, opts.filesPort ?? 0);
  filesUrl = originOf(tls !== null, host, filesPort);

  return {
    apiUrl: `${originOf(tls !== null, host, apiPort)}/v1`,
    filesUrl,
    apiPort,
    filesPort,
    certPem: tls?.cert ?? null,
    requests,
    fileRequests,
    predictions: engine.predictions,
    inputsOf: (id) => engine.predictions.get(id)?.input ?? undefined,
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setTiming: (timing) => engine.setTiming(timing),
    close: async () => {
      engine.close();
      await Promise.all([closeServer(apiServer), closeServer(filesServer)]);
    },
  };
}
