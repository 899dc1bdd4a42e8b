import { createBflPredictionClient } from './api/bfl/prediction-client';
import { createPredictionClient } from './api/client';
import { appendDiagnostic } from './diagnostics';
import { deleteHistoryEntry } from './history/history-store';
import { deleteJobImages } from './image-store';
import { isFinished, JOB_SCHEMA_VERSION, type Job, type JobSource } from './job';
import { transition, type JobEvent } from './job-machine';
import { createJobRunner } from './job-runner';
import { createJobSteps, type StepClient, type StepDeps } from './job-steps';
import { byStartOrder, jobsAhead, isWaitingToCreate } from './job-queue';
import { addJob, getJob, getJobs, removeJob, updateJob } from './job-store';
import type { EditRequest } from './messages';
import { createRecordingFetch, type RecordDiagnostic } from './recording-fetch';
import { getApiKey } from './secret-store';
import { getSettings } from './settings-store';
import { buildModelInput } from './models/model-input';
import { ModelInputError, unavailableMessage } from './models/model-input-error';
import { specFor } from './models/registry';
import { baseUrlFor } from './settings';
import { assertWithinCap, capRefusalForCreate, recordIfBilled, serializeStarts } from './spend/spend-gate';

export interface JobServiceDeps {
  now: () => number;
  random: () => number;
  newId: () => string;
  /** Browser IO of the steps (image acquisition, input encoding, output download). */
  io: Pick<StepDeps, 'acquireInput' | 'inputImage' | 'downloadResult'>;
  fetch?: typeof fetch;
  /** Where API exchanges are logged for the Diagnostics section (never the key or image data). */
  recordDiagnostic?: RecordDiagnostic;
}

/** A seed we choose per attempt: a valid model input that also marks our prediction in the provider's list. */
export function newSeed(random: () => number): number {
  return Math.floor(random() * 2 ** 31);
}

/** Starts, resumes, cancels, retries and deletes jobs; the background's single owner of job state. */
export function createJobService(deps: JobServiceDeps) {
  /** The client of `job`'s provider (of the settings' provider for a job that names none). */
  async function getClient(job?: Pick<Job, 'provider'>): Promise<StepClient | undefined> {
    const settings = await getSettings();
    const provider = job?.provider ?? settings.provider;
    // Each provider has its own key: a job keeps the provider, hence the key, it started with.
    const token = await getApiKey(provider);
    if (!token) return undefined;
    // Late-bound, so a fetch replaced after start-up (tests) is the one used.
    const fetchFn = deps.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
    const fetch = createRecordingFetch(fetchFn, deps.recordDiagnostic ?? appendDiagnostic);
    const baseUrl = baseUrlFor(settings, provider);
    if (provider === 'bfl') return createBflPredictionClient({ baseUrl, key: token, fetch });
    return createPredictionClient({ baseUrl, token, fetch });
  }

  const baseSteps = createJobSteps({ random: deps.random, getClient, ...deps.io });
  // Spend control: a job about to send its (billed) create first checks the monthly cap, so queued
  // and retried jobs respect it too; and every stored change that shows a billed outcome writes the
  // ledger (idempotent, so the downloading and done updates of one prediction count once).
  const steps = {
    ...baseSteps,
    create: async (job: Job, applyEvent: Parameters<typeof baseSteps.create>[1]) =>
      (await capRefusalForCreate(job, await getJobs(), deps.now())) ?? baseSteps.create(job, applyEvent),
  };
  async function updateAndRecord(id: string, change: (job: Job) => Job): Promise<Job | undefined> {
    let before: Job | undefined;
    const job = await updateJob(id, (current) => {
      before = current;
      return change(current);
    });
    // Only a change of phase, prediction or output can bill: polls that change nothing else skip the
    // ledger's reads (a billed Kontext run still gets two tries, at downloading and at done).
    if (job && (job.phase !== before?.phase || job.predictionId !== before.predictionId || job.outputUrl !== before.outputUrl)) {
      await recordIfBilled(job, deps.now());
    }
    return job;
  }
  const runner = createJobRunner({
    now: deps.now,
    getJob,
    updateJob: updateAndRecord,
    steps,
    jobsAhead: async (job) => jobsAhead(await getJobs(), job.id, (await getSettings()).maxConcurrentJobs),
  });

  async function apply(id: string, event: JobEvent): Promise<Job | undefined> {
    return updateAndRecord(id, (job) => transition(job, event, deps.now()));
  }

  return {
    /** Moves every unfinished job that is due; called at worker start, on the alarm and on timers. */
    async resumeAll(): Promise<void> {
      // Oldest first (the store lists newest first), so jobs released together send their creates in order.
      for (const job of (await getJobs()).sort(byStartOrder)) {
        if (!isFinished(job)) void runner.advance(job.id);
      }
    },

    /** Starts waiting jobs whose turn has come; called whenever the job list changes (a slot may be free). */
    async runQueue(jobs: Job[]): Promise<void> {
      const waiting = jobs.filter(isWaitingToCreate).sort(byStartOrder);
      if (waiting.length === 0) return;
      const limit = (await getSettings()).maxConcurrentJobs;
      for (const job of waiting) {
        if (jobsAhead(jobs, job.id, limit) === 0 && !runner.isActive(job.id)) void runner.advance(job.id);
      }
    },

    /**
     * Creates a job from the prompt box's request and starts it; throws SpendCapError when the monthly
     * cap refuses it, ModelInputError when the model cannot take the request's inputs.
     */
    async start(request: EditRequest, source: JobSource): Promise<Job> {
      const settings = await getSettings();
      const now = deps.now();
      const model = request.model ?? settings.model;
      const spec = specFor(model, settings);
      if (!spec) throw new ModelInputError(`${model} is not set up: read its inputs on the options page (Model, Other model) first.`);
      if (!spec.providers.includes(settings.provider)) throw new ModelInputError(unavailableMessage(spec, settings.provider));
      const built = buildModelInput(spec, settings, request, newSeed(deps.random));
      if (!built.ok) throw new ModelInputError(built.message);
      const job: Job = {
        v: JOB_SCHEMA_VERSION,
        id: deps.newId(),
        prompt: request.prompt,
        model,
        provider: settings.provider,
        source,
        input: built.input,
        // Another model's own names for the prompt and the picture (Kontext's are the defaults).
        ...(spec.promptInput !== 'prompt' ? { promptInput: spec.promptInput } : {}),
        ...(spec.imageInput !== 'input_image' ? { imageInput: spec.imageInput } : {}),
        phase: 'acquiring',
        createdAt: now,
        updatedAt: now,
        attempts: 0,
        cancelRequested: false,
      };
      // Checked and added in one turn, so quick clicks each see the jobs the ones before them added.
      await serializeStarts(async () => {
        await assertWithinCap(job, await getJobs(), now);
        await addJob(job);
      });
      void runner.advance(job.id);
      return job;
    },

    /** Asks the provider to cancel; the job shows Canceled once it confirms. */
    async cancel(id: string): Promise<boolean> {
      const job = await apply(id, { type: 'CANCEL_REQUESTED' });
      if (job) void runner.advance(id);
      return job !== undefined;
    },

    /** Runs a failed or canceled job again (the same prediction when it may still exist). */
    async retry(id: string): Promise<boolean> {
      const job = await apply(id, { type: 'RETRY', seed: newSeed(deps.random) });
      if (job) void runner.advance(id);
      return job !== undefined;
    },

    /**
     * Deletes a job and its images; a running one is canceled at the provider first (best effort).
     * A finished edit is in the history: it goes from there, its later versions kept.
     */
    async remove(id: string): Promise<boolean> {
      const job = await getJob(id);
      if (!job) return deleteHistoryEntry(id);
      if (!isFinished(job) && job.predictionId) {
        const client = await getClient(job);
        await client?.cancelPrediction(job.predictionId).catch(() => undefined);
      }
      await removeJob(id);
      await deleteJobImages(id);
      return true;
    },

    hasKey: async () => (await getApiKey()) !== undefined,
    getClient,
  };
}

export type JobService = ReturnType<typeof createJobService>;
