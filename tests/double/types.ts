// Public types of the Replicate API double. Kept apart from the wiring so helpers can share them.
import type { CreateRateLimit } from './rate-limit';

/** Options of `startApiDouble`; every field has a default. */
export interface DoubleOptions {
  /** Serve both servers over HTTPS with a self-signed certificate. */
  tls?: boolean;
  /** Interface to listen on, default '127.0.0.1'. */
  host?: string;
  /** 0 (default) = ephemeral. */
  apiPort?: number;
  /** 0 (default) = ephemeral. */
  filesPort?: number;
  /** Origin put in output URLs, default the files server's own origin. */
  outputBaseUrl?: string;
  /** Bearer tokens the double accepts. */
  tokens?: Record<string, TokenAccount>;
  /** starting -> processing -> succeeded durations (default 300 / 1200 ms). */
  timing?: Timing;
  /** After completion, inputs/outputs are removed after this long (default one hour). */
  retentionMs?: number;
  /** false = /account answers 404 like most proxies. */
  accountEndpoint?: boolean;
  /** false = /files answers 404 like most proxies. */
  filesEndpoint?: boolean;
  /** Page size of GET /v1/predictions (default 100). */
  listPageSize?: number;
  /** Bodies larger than this get the 400 Replicate answers for huge data URIs (default 32 MB). */
  maxBodyBytes?: number;
  /** Fetch used to download http(s) input images (default global fetch). */
  fetch?: typeof fetch;
  /** Replicate cannot reach the user's loopback; default false refuses such input URLs. */
  allowLoopbackInputUrls?: boolean;
  /** Longest `Prefer: wait` honoured, in seconds (default 60, as Replicate; 0 = ignore it, like many proxies). */
  maxPreferWaitSeconds?: number;
  /**
   * Token bucket on creates (both create routes), per account, like Replicate's (6 a minute, burst 1
   * without a payment method). Over it: 429 "…resets in ~Ns." with no Retry-After. Default: none.
   */
  createRateLimit?: CreateRateLimit;
}

/** The account behind a token. */
export interface TokenAccount {
  username: string;
  name?: string;
  /** false = every create answers 402. */
  credit?: boolean;
}

/** Lifecycle durations. */
export interface Timing {
  startingMs?: number;
  processingMs?: number;
}

/** Which requests a fault applies to. `path` is a prefix of (or RegExp tested on) path + query. */
export interface Match {
  method?: string;
  path: string | RegExp;
}

/** Outcome forced on the next prediction created. */
export type Outcome =
  | 'moderation'
  | 'failed'
  | 'no-output'
  | 'slow'
  | 'array-output'
  | 'data-uri-output';

/** Response rewrites seen from the real API in sync mode. */
export type Quirk = 'stale-starting' | 'processing-with-output';

/** A fault queued with `injectFault`. */
export type Fault =
  | { match: Match; times?: number; respond: { status: number; body?: unknown; headers?: Record<string, string> } }
  | { match: Match; times?: number; drop: true; afterCreate?: boolean }
  | { match: Match; times?: number; delayMs: number }
  | { match: Match; times?: number; outcome: Outcome }
  | { match: Match; times?: number; quirk: Quirk };

/** One request the API server received. */
export interface RecordedRequest {
  method: string;
  /** Path with query string, e.g. /v1/predictions/abc */
  path: string;
  /** 0 when the connection was dropped without an answer. */
  status: number;
  /** Lower-cased names; authorization included. */
  headers: Record<string, string>;
  bodyBytes: number;
  /** Parsed JSON, or null. */
  body: unknown;
  /** Date.now() when the request arrived. */
  at: number;
}

/** Image format detected from magic bytes. */
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'unknown';

/** What the double learnt about an input image. */
export interface InputInfo {
  width: number;
  height: number;
  format: ImageFormat;
  /** Byte length of the image file. */
  bytes: number;
  /** The raw file. */
  data: Uint8Array;
  source: 'data-uri' | 'files-api' | 'output' | 'url';
}

/** Prediction status as published. */
export type PredictionStatus = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'aborted';

/** The prediction object as the API serialises it. */
export interface PredictionBody {
  id: string;
  model: string;
  version: string;
  input: Record<string, unknown>;
  logs: string;
  output: unknown;
  data_removed: boolean;
  error: string | null;
  source: 'api';
  status: PredictionStatus;
  created_at: string;
  started_at?: string;
  completed_at?: string;
  deadline?: string;
  metrics?: { predict_time?: number; total_time?: number };
  urls: { get: string; cancel: string; web: string };
}

/** Server-side state of one prediction. */
export interface DoublePrediction {
  body: PredictionBody;
  owner: string;
  outcome: Outcome | null;
  input: InputInfo | null;
  /** Path of the output file on the files server, once written. */
  outputPath: string | null;
  timers: NodeJS.Timeout[];
}

/** A running double. */
export interface ApiDouble {
  /** e.g. https://127.0.0.1:43123/v1 */
  apiUrl: string;
  /** The files server's own origin. */
  filesUrl: string;
  apiPort: number;
  filesPort: number;
  /** PEM of the self-signed certificate when tls is on, else null. */
  certPem: string | null;
  requests: RecordedRequest[];
  /** Requests the files server received (to check no token leaks there). */
  fileRequests: RecordedRequest[];
  predictions: Map<string, DoublePrediction>;
  inputsOf(predictionId: string): InputInfo | undefined;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  setTiming(timing: Timing): void;
  close(): Promise<void>;
}
