// What every API route receives.
import type { FaultQueue } from './faults';
import type { PredictionEngine } from './prediction-engine';
import type { CreateRateLimiter } from './rate-limit';
import type { FileStore } from './stores';
import type { Outcome, TokenAccount } from './types';

/** Options after defaults. */
export interface ResolvedOptions {
  tokens: Record<string, TokenAccount>;
  accountEndpoint: boolean;
  filesEndpoint: boolean;
  listPageSize: number;
  maxBodyBytes: number;
  maxPreferWaitSeconds: number;
}

/** Shared state of one double. */
export interface ApiContext {
  engine: PredictionEngine;
  files: FileStore;
  faults: FaultQueue;
  options: ResolvedOptions;
  now: () => number;
  /** Token bucket on prediction creates, per account; null = unlimited. */
  createLimiter: CreateRateLimiter | null;
}

/** One parsed API request. */
export interface RouteRequest {
  method: string;
  /** Path without the /v1 prefix, e.g. /predictions/abc */
  route: string;
  query: URLSearchParams;
  /** Path + query as received, for fault matching. */
  rawPath: string;
  headers: Record<string, string>;
  body: Buffer;
  account: TokenAccount;
}

/** Takes an outcome fault for a create request. */
export function takeOutcome(ctx: ApiContext, req: RouteRequest): Outcome | null {
  const fault = ctx.faults.take(['outcome'], req.method, req.rawPath);
  return fault && 'outcome' in fault ? fault.outcome : null;
}
