import { z } from 'zod';
import type { RecordVersioning } from './record-version';
import { ScalarRecord } from './models/input-field';
import { Provider } from './settings';

/** Version of the stored job record; bump it together with a migration in JOB_VERSIONING. */
export const JOB_SCHEMA_VERSION = 2;

/**
 * How stored job records are upgraded (record-version.ts). Jobs have carried `v` from the first build.
 * v2: `input` holds whichever inputs the job's model takes (flux-kontext-dev has no safety tolerance).
 * A v1 input (pro and max's fixed fields) is a valid v2 input, so the step changes nothing; it exists
 * so that an older build keeps v2 records aside untouched instead of dropping those it cannot parse.
 */
export const JOB_VERSIONING: RecordVersioning = { current: JOB_SCHEMA_VERSION, unversioned: 1, migrations: { 2: (record) => record } };

/**
 * Where a job's phase stands. See the lifecycle diagram in job-machine.ts.
 * `acquiring` covers reading and preparing the input image.
 */
export const JobPhase = z.enum(['acquiring', 'creating', 'polling', 'downloading', 'done', 'failed', 'canceled']);
export type JobPhase = z.infer<typeof JobPhase>;

/** The provider's own status words, as last seen. */
export const RemoteStatus = z.enum(['starting', 'processing', 'succeeded', 'failed', 'canceled', 'aborted']);
export type RemoteStatus = z.infer<typeof RemoteStatus>;

/** The image a job edits: one on a web page, or the result of an earlier job ("Edit again"). */
export const JobSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('page'),
    /** The picture's URL; absent for pictures with none (a canvas, an inline SVG, a video frame). */
    srcUrl: z.string().min(1).optional(),
    /** The menu click's token: its prepared input image (input-prep.ts) is what the job sends. */
    token: z.string().min(1).optional(),
    pageUrl: z.string().optional(),
    pageTitle: z.string().optional(),
    tabId: z.number().int().optional(),
    frameId: z.number().int().optional(),
  }),
  z.object({ kind: z.literal('job'), jobId: z.string().min(1) }),
]);
export type JobSource = z.infer<typeof JobSource>;

/**
 * The model inputs a job sends besides the prompt and the image, exactly as sent: which ones depends on
 * the model (models/), checked against its schema when the job starts. `seed`, when the model takes one,
 * is chosen by us per attempt: it doubles as a marker that finds our prediction again in the provider's
 * list after a create whose answer was lost.
 */
export const JobInput = ScalarRecord;
export type JobInput = z.infer<typeof JobInput>;

/** Kinds of failure a job can end in, each with its own human message. */
export const JobErrorCode = z.enum([
  'image', 'unauthenticated', 'insufficient-credit', 'not-found', 'invalid-input', 'bad-request',
  'rate-limited', 'server', 'network', 'moderated', 'model-error', 'no-output', 'aborted',
  'data-removed', 'download', 'create-unknown', 'no-key', 'spend-cap', 'unexpected',
]);
export type JobErrorCode = z.infer<typeof JobErrorCode>;

export const JobError = z.object({ code: JobErrorCode, message: z.string() });
export type JobError = z.infer<typeof JobError>;

/** Facts about an image the job sent or received (the bytes live in IndexedDB). */
export const ImageFacts = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  type: z.string(),
});
export type ImageFacts = z.infer<typeof ImageFacts>;

/** One edit, from the click to the saved result. Stored in `storage.local`; written only by the background. */
export const Job = z.object({
  v: z.literal(JOB_SCHEMA_VERSION),
  id: z.string().min(1),
  prompt: z.string().min(1),
  model: z.string().min(1),
  /** Who runs it, fixed at start: a provider chosen later in the options does not move a running job. Absent in records from before providers (Replicate). */
  provider: Provider.optional(),
  source: JobSource,
  input: JobInput,
  /** The model's inputs that take the instruction and the picture, when not `prompt` and `input_image` (another model's). */
  promptInput: z.string().min(1).max(100).optional(),
  imageInput: z.string().min(1).max(100).optional(),
  phase: JobPhase,
  remoteStatus: RemoteStatus.optional(),
  predictionId: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Set before the create request leaves: with no predictionId it means "a prediction may exist". */
  createSentAt: z.number().optional(),
  /** When the runner should act on the job next; absent means now. */
  dueAt: z.number().optional(),
  /** Consecutive transient failures of the current step, for backoff. */
  attempts: z.number().int().nonnegative(),
  cancelRequested: z.boolean(),
  outputUrl: z.string().optional(),
  image: ImageFacts.optional(),
  result: ImageFacts.optional(),
  completedAt: z.number().optional(),
  predictTime: z.number().optional(),
  /** The provider's own figure for what the prediction cost, when it gives one (BFL does), in micro-dollars. */
  reportedCostMicros: z.number().int().nonnegative().optional(),
  /** Set once the endpoint turned out to take no uploads: the input is then prepared to fit a data URI. */
  inlineInput: z.boolean().optional(),
  /** Set once the provider refused the request as too large: the input is then prepared smaller, once. */
  smallerInput: z.boolean().optional(),
  /**
   * Set when the job becomes Done or Failed, cleared once the finish was announced (a notification, or
   * an open extension page that shows it). Stored, so a worker stopped in between still announces it.
   */
  announce: z.boolean().optional(),
  /** A passing condition worth showing (e.g. "Rate limited; retrying in 30 s"). */
  notice: z.string().optional(),
  error: JobError.optional(),
});
export type Job = z.infer<typeof Job>;

/** The one status word the popup shows for a job (a UI contract: keep these words). */
export type StatusWord = 'Uploading' | 'Starting' | 'Processing' | 'Done' | 'Failed' | 'Canceled';

/** Maps a job to its status word. */
export function statusWord(job: Pick<Job, 'phase' | 'remoteStatus'>): StatusWord {
  switch (job.phase) {
    case 'acquiring':
      return 'Uploading';
    case 'creating':
      return 'Starting';
    case 'polling':
      return job.remoteStatus === 'starting' ? 'Starting' : 'Processing';
    case 'downloading':
      return 'Processing';
    case 'done':
      return 'Done';
    case 'failed':
      return 'Failed';
    case 'canceled':
      return 'Canceled';
  }
}

/** True once a job can no longer change by itself. */
export function isFinished(job: Pick<Job, 'phase'>): boolean {
  return job.phase === 'done' || job.phase === 'failed' || job.phase === 'canceled';
}
