import type { PredictionClient } from './api/client';
import { isApiError } from './api/errors';
import type { Outcome, Prediction } from './api/prediction';
import { UploadsUnsupportedError } from './input-upload';
import type { ImageFacts, Job } from './job';
import { dataRemovedMessage, eventForError, isRequestTooLarge, toJobError, toPredictionView } from './job-errors';
import type { JobEvent, PredictionView } from './job-machine';
import type { Step, StepKind } from './job-runner';

/** Longest the create request may hold for the result; a fetch over ~30 s gets the MV3 worker killed. */
export const CREATE_WAIT_SECONDS = 25;
/** Server-side deadline, so a job nobody looks after cannot run on and bill. */
export const CANCEL_AFTER = '5m';

/**
 * The client of either provider. Black Forest Labs' adapter brings its own `classify` (its statuses and
 * messages are not Replicate's); Replicate's client has none and keeps the shared classification.
 */
export type StepClient = PredictionClient & {
  classify?: (p: Prediction) => Outcome;
  /** What the provider said a request cost, in micro-dollars, when its answers say (BFL's create does). */
  costOf?: (p: Prediction) => number | undefined;
};

/** What the job machine learns from a prediction, classified the way its provider's client says. */
export function viewOf(client: StepClient, p: Prediction): PredictionView {
  const costMicros = client.costOf?.(p);
  const view = viewByProvider(client, p);
  return costMicros === undefined ? view : { ...view, costMicros };
}

function viewByProvider(client: StepClient, p: Prediction): PredictionView {
  if (!client.classify) return toPredictionView(p);
  const outcome = client.classify(p);
  const view: PredictionView = { id: p.id, status: p.status, predictTime: p.metrics?.predict_time };
  if (outcome.kind === 'succeeded') view.outputUrl = outcome.urls[0];
  if (outcome.kind === 'failed') view.failure = { code: outcome.reason, message: outcome.message };
  return view;
}

export interface StepDeps {
  random: () => number;
  /** The API client of the job's provider, or undefined when no key is saved. */
  getClient: (job: Job) => Promise<StepClient | undefined>;
  /** Gets, prepares and stores the job's input image. */
  acquireInput: (job: Job) => Promise<ImageFacts>;
  /** The stored input image as the model's `input_image`: a data URI, or the URL of an upload. */
  inputImage: (job: Job, client: PredictionClient) => Promise<string>;
  /** Downloads, stores and describes the output. */
  downloadResult: (job: Job, url: string) => Promise<ImageFacts>;
}

const NO_KEY: JobEvent = {
  type: 'FAILED',
  error: { code: 'no-key', message: 'No API key is saved. Add it on the options page, then retry.' },
};

/** The model's input for a job: prompt, image and the chosen options (unset keys are omitted by the client). */
export function modelInput(job: Job, image: string): Record<string, unknown> {
  return { [job.promptInput ?? 'prompt']: job.prompt, [job.imageInput ?? 'input_image']: image, ...job.input };
}

/** Finds the prediction a lost create made, by the job's seed and prompt, in the provider's recent list. */
export function findOwnPrediction(job: Job, predictions: Prediction[]): Prediction | undefined {
  return predictions.find(
    (p) => p.input?.seed === job.input.seed && p.input?.[job.promptInput ?? 'prompt'] === job.prompt && (!p.model || p.model === job.model),
  );
}

/** The steps of a job, each one request (or one local operation) turned into an event. */
export function createJobSteps(deps: StepDeps): Record<StepKind, Step> {
  const jitter = () => deps.random();

  /** Runs `work` with a client, mapping errors to events. */
  async function withClient(job: Job, work: (client: StepClient) => Promise<JobEvent>): Promise<JobEvent> {
    const client = await deps.getClient(job);
    if (!client) return NO_KEY;
    try {
      return await work(client);
    } catch (error) {
      return eventForError(error, jitter());
    }
  }

  return {
    async acquire(job) {
      try {
        return { type: 'ACQUIRED', image: await deps.acquireInput(job) };
      } catch (error) {
        return { type: 'FAILED', error: toJobError(error) };
      }
    },

    async create(job, apply) {
      const client = await deps.getClient(job);
      if (!client) return NO_KEY;
      let image: string;
      try {
        image = await deps.inputImage(job, client);
      } catch (error) {
        if (error instanceof UploadsUnsupportedError) return { type: 'INLINE_ONLY' };
        return eventForError(error, jitter());
      }
      // Persisted before the request leaves: if the worker dies while it is in flight, the next
      // start looks for the prediction instead of creating (and billing) a second one.
      if (!(await apply({ type: 'CREATE_SENT' }))) return { type: 'CREATE_SENT' };
      try {
        const prediction = await client.createPrediction(job.model, modelInput(job, image), {
          waitSeconds: CREATE_WAIT_SECONDS,
          cancelAfter: CANCEL_AFTER,
        });
        return { type: 'CREATED', prediction: viewOf(client, prediction) };
      } catch (error) {
        if (isApiError(error) && error.mayHaveCreated) {
          return { type: 'TRANSIENT', message: 'The connection dropped while starting; checking whether the edit started…', jitter: jitter() };
        }
        await apply({ type: 'NOT_CREATED' });
        if (isRequestTooLarge(error)) return { type: 'TOO_LARGE', error: toJobError(error) };
        return eventForError(error, jitter());
      }
    },

    recover: (job) =>
      withClient(job, async (client) => {
        let recent: Prediction[];
        try {
          recent = await client.listPredictions();
        } catch (error) {
          if (isApiError(error) && (error.kind === 'not-found' || error.kind === 'bad-request')) {
            return {
              type: 'FAILED',
              error: {
                code: 'create-unknown',
                message:
                  'The connection dropped while starting this edit, and this endpoint cannot tell whether it started. Retry starts it again (it may be billed twice).',
              },
            };
          }
          throw error;
        }
        const own = findOwnPrediction(job, recent);
        return own ? { type: 'RECOVERED', prediction: viewOf(client, own) } : { type: 'NOT_CREATED' };
      }),

    poll: (job) =>
      withClient(job, async (client) => {
        const prediction = await client.getPrediction(job.predictionId ?? '');
        return { type: 'POLLED', prediction: viewOf(client, prediction) };
      }),

    cancel: (job) =>
      withClient(job, async (client) => {
        try {
          const prediction = await client.cancelPrediction(job.predictionId ?? '');
          return { type: 'CANCEL_SENT', prediction: viewOf(client, prediction) };
        } catch (error) {
          if (isApiError(error) && !error.retryable) return { type: 'CANCEL_FAILED' };
          throw error;
        }
      }),

    async download(job) {
      try {
        return { type: 'DOWNLOADED', result: await deps.downloadResult(job, job.outputUrl ?? '') };
      } catch (error) {
        // The provider deletes outputs (Replicate after an hour, BFL's links after ten minutes): say so rather than "not found".
        if (isApiError(error) && error.kind === 'not-found') {
          return { type: 'FAILED', error: { code: 'data-removed', message: dataRemovedMessage(job.provider) } };
        }
        return eventForError(error, jitter());
      }
    },
  };
}
