// The lifecycle of predictions, driven by timers on the server's clock:
//
//   starting --startingMs--> processing --processingMs--> succeeded | failed
//      |                        |
//      | deadline (Cancel-After)| deadline or cancel
//      v                        v
//   aborted                  canceled          (cancel while starting -> canceled too)
//
// After completion, retentionMs later: output null, input {}, logs '', data_removed true.
import { downloadInput, resolveLocal, type ResolveDeps } from './input-resolve';
import { randomId } from './ids';
import { renderOutput, type RenderedOutput } from './render-output';
import type { OutputStore } from './stores';
import type { DoublePrediction, Outcome, PredictionStatus, Timing } from './types';

/** Errors as the real model reports them. */
export const MODERATION_ERROR =
  'Prediction failed: The input or output was flagged as sensitive. Please try again with different inputs. (E005)';
export const GENERIC_ERROR = 'Prediction interrupted; please retry (code: PA)';
/** Processing time of the 'slow' outcome. */
export const SLOW_PROCESSING_MS = 20_000;

const TERMINAL: ReadonlySet<PredictionStatus> = new Set(['succeeded', 'failed', 'canceled', 'aborted']);
/** True for the four final states. */
export const isTerminal = (status: PredictionStatus): boolean => TERMINAL.has(status);

/** What the engine needs from the double. */
export interface EngineDeps {
  now: () => number;
  outputs: OutputStore;
  resolve: ResolveDeps;
  outputBaseUrl: () => string;
  retentionMs: number;
}

/** Options of one create. */
export interface CreateOptions {
  model: string;
  input: Record<string, unknown>;
  owner: string;
  deadlineMs: number | null;
  outcome: Outcome | null;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const API = 'https://api.replicate.com/v1';

/** Owns every prediction and its timers. */
export class PredictionEngine {
  readonly predictions = new Map<string, DoublePrediction>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly inputErrors = new Map<string, string>();
  private timing: Required<Timing> = { startingMs: 300, processingMs: 1200 };
  private closed = false;

  constructor(private readonly deps: EngineDeps) {}

  /** Changes durations for predictions that start or finish from now on. */
  setTiming(timing: Timing): void {
    this.timing = { ...this.timing, ...timing };
  }

  /** Creates a prediction in `starting` and arms its timers. */
  create(options: CreateOptions): DoublePrediction {
    const id = randomId(26);
    const created = this.deps.now();
    const prediction: DoublePrediction = {
      owner: options.owner,
      outcome: options.outcome,
      input: null,
      outputPath: null,
      timers: [],
      body: {
        id, model: options.model, version: 'hidden', input: options.input, logs: '', output: null,
        data_removed: false, error: null, source: 'api', status: 'starting', created_at: iso(created),
        urls: { cancel: `${API}/predictions/${id}/cancel`, get: `${API}/predictions/${id}`, web: `https://replicate.com/p/${id}` },
      },
    };
    if (options.deadlineMs !== null) prediction.body.deadline = iso(created + options.deadlineMs);
    this.predictions.set(id, prediction);
    this.resolveInputNow(prediction);
    this.schedule(prediction, this.timing.startingMs, () => this.start(prediction));
    if (options.deadlineMs !== null) this.schedule(prediction, options.deadlineMs, () => this.expire(prediction));
    return prediction;
  }

  /** Cancels unless already final; answers the prediction either way. */
  cancel(prediction: DoublePrediction): void {
    if (!isTerminal(prediction.body.status)) this.complete(prediction, 'canceled');
  }

  /** Resolves when the prediction is final, or after `ms`. */
  waitForTerminal(prediction: DoublePrediction, ms: number): Promise<void> {
    if (isTerminal(prediction.body.status) || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiters.get(prediction.body.id) ?? new Set();
      const done = (): void => {
        clearTimeout(timer);
        set.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
      this.waiters.set(prediction.body.id, set);
    });
  }

  /** Stops every timer and releases every waiter. */
  close(): void {
    this.closed = true;
    for (const p of this.predictions.values()) p.timers.forEach(clearTimeout);
    for (const set of this.waiters.values()) for (const done of [...set]) done();
  }

  private schedule(prediction: DoublePrediction, ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      if (!this.closed) fn();
    }, Math.max(0, ms));
    timer.unref();
    prediction.timers.push(timer);
  }

  private resolveInputNow(prediction: DoublePrediction): void {
    const value = prediction.body.input.input_image;
    if (typeof value !== 'string') return;
    try {
      prediction.input = resolveLocal(value, this.deps.resolve);
    } catch (error) {
      this.inputErrors.set(prediction.body.id, (error as Error).message);
    }
  }

  private start(prediction: DoublePrediction): void {
    if (prediction.body.status !== 'starting') return;
    const started = this.deps.now();
    prediction.body.status = 'processing';
    prediction.body.started_at = iso(started);
    const seed = prediction.body.input.seed ?? Math.floor(Math.random() * 1e9);
    prediction.body.logs = `Using seed: ${String(seed)}\nRunning prediction\n`;
    this.notify(prediction);
    const processingMs = prediction.outcome === 'slow' ? SLOW_PROCESSING_MS : this.timing.processingMs;
    // Inputs download now (async); the CPU-bound render runs at the end of the window, so the event
    // loop stays free while the prediction is visibly "processing".
    void this.fetchInput(prediction).then((inputError) => {
      const wait = started + processingMs - this.deps.now();
      this.schedule(prediction, wait, () => {
        if (prediction.body.status !== 'processing') return;
        this.finish(prediction, inputError ?? this.render(prediction));
      });
    });
  }

  /** Downloads a URL input; resolves to the failure text, or null. */
  private async fetchInput(prediction: DoublePrediction): Promise<string | null> {
    const inputError = this.inputErrors.get(prediction.body.id);
    if (inputError) return `Prediction failed: ${inputError}`;
    const value = prediction.body.input.input_image;
    if (typeof value !== 'string' || prediction.input) return null;
    try {
      prediction.input = await downloadInput(value, this.deps.resolve);
      return null;
    } catch (error) {
      return `Prediction failed: ${(error as Error).message}`;
    }
  }

  private render(prediction: DoublePrediction): RenderedOutput | string {
    try {
      return renderOutput(prediction.input, prediction.body.input);
    } catch (error) {
      // InputError carries the model's wording; anything else is a bug surfaced as a failure.
      return `Prediction failed: ${(error as Error).message}`;
    }
  }

  private finish(prediction: DoublePrediction, result: RenderedOutput | string): void {
    const { outcome } = prediction;
    if (outcome === 'moderation') return this.complete(prediction, 'failed', MODERATION_ERROR);
    if (outcome === 'failed') return this.complete(prediction, 'failed', GENERIC_ERROR);
    if (typeof result === 'string') return this.complete(prediction, 'failed', result);
    if (outcome === 'no-output') return this.complete(prediction, 'succeeded');
    if (outcome === 'data-uri-output') {
      prediction.body.output = `data:${result.contentType};base64,${result.data.toString('base64')}`;
    } else {
      prediction.outputPath = this.deps.outputs.add(result.data, result.ext, result.contentType);
      const url = `${this.deps.outputBaseUrl()}${prediction.outputPath}`;
      prediction.body.output = outcome === 'array-output' ? [url] : url;
    }
    this.complete(prediction, 'succeeded');
  }

  private complete(prediction: DoublePrediction, status: PredictionStatus, error: string | null = null): void {
    const body = prediction.body;
    const completed = this.deps.now();
    body.status = status;
    body.error = error;
    body.completed_at = iso(completed);
    const created = Date.parse(body.created_at);
    if (body.started_at) {
      const predictTime = (completed - Date.parse(body.started_at)) / 1000;
      body.metrics = { predict_time: predictTime, total_time: (completed - created) / 1000 };
      body.logs += status === 'succeeded' ? `Generated image in ${predictTime.toFixed(2)}sec\n` : '';
    } else {
      body.metrics = { total_time: (completed - created) / 1000 };
    }
    this.notify(prediction);
    this.schedule(prediction, this.deps.retentionMs, () => this.removeData(prediction));
  }

  private expire(prediction: DoublePrediction): void {
    if (prediction.body.status === 'starting') this.complete(prediction, 'aborted');
    else if (prediction.body.status === 'processing') this.complete(prediction, 'canceled');
  }

  private removeData(prediction: DoublePrediction): void {
    Object.assign(prediction.body, { output: null, input: {}, logs: '', data_removed: true });
    if (prediction.outputPath) this.deps.outputs.delete(prediction.outputPath);
  }

  private notify(prediction: DoublePrediction): void {
    for (const done of [...(this.waiters.get(prediction.body.id) ?? [])]) {
      if (isTerminal(prediction.body.status)) done();
    }
  }
}

