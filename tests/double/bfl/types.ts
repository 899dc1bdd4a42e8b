// Public types of the BFL API double.

/** How a task ends: made by the next create (queued with `queueOutcome`), `ready` when nothing is queued. */
export type BflOutcome = 'ready' | 'request-moderated' | 'content-moderated' | 'error';

/** Options of `startBflDouble`; every field has a default. */
export interface BflDoubleOptions {
  host?: string;
  apiPort?: number;
  deliveryPort?: number;
  /** Serve HTTPS with the shared self-signed certificate (e2e maps the real hosts onto the ports). */
  tls?: boolean;
  /** Keys accepted and their balances in credits (default `DEFAULT_BFL_KEYS`). */
  keys?: Record<string, number>;
  /** How long a task stays Pending (default 1500 ms). */
  pendingMs?: number;
  /** How long a ready result (status and sample URL) lives (default ten minutes, like BFL). */
  resultTtlMs?: number;
  /** Tasks Pending at once per key before 429 (default 24). */
  maxActiveTasks?: number;
  /** Origin written into `polling_url` (default the API's own; e2e may use https://api.us1.bfl.ai). */
  pollingOrigin?: string;
  /** Origin written into `result.sample` (default the delivery server's). */
  deliveryOrigin?: string;
  /** The clock, so tests can jump past expiry (default Date.now). */
  now?: () => number;
}

/** One task as the double keeps it. */
export interface BflTaskRecord {
  id: string;
  key: string;
  model: string;
  input: Record<string, unknown>;
  outcome: BflOutcome;
  createdAt: number;
  readyAt: number;
  cost: number;
  /** Delivery path of the rendered sample, once rendered. */
  samplePath?: string;
  /** Why rendering failed (the task then reports Error). */
  renderError?: string;
}

/** One request the API or delivery server received. */
export interface BflRecordedRequest {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  at: number;
}

/** A running double. */
export interface BflDouble {
  /** Base URL to configure, e.g. http://127.0.0.1:PORT/v1. */
  apiUrl: string;
  deliveryUrl: string;
  apiPort: number;
  deliveryPort: number;
  requests: BflRecordedRequest[];
  deliveryRequests: BflRecordedRequest[];
  tasks: ReadonlyMap<string, BflTaskRecord>;
  /** Balance of a key now. */
  creditsOf(key: string): number | undefined;
  /** Makes the next create end this way (a queue: one outcome per create). */
  queueOutcome(outcome: BflOutcome): void;
  close(): Promise<void>;
}
