import { JOB_SCHEMA_VERSION, Job } from '../../job';

let counter = 0;

/** A valid job record for UI tests; `overrides` set the fields a test is about. */
export function makeJob(overrides: Partial<Job> = {}): Job {
  counter += 1;
  return Job.parse({
    v: JOB_SCHEMA_VERSION,
    id: `job-${counter}`,
    prompt: 'Make the sky purple',
    model: 'black-forest-labs/flux-kontext-pro',
    source: { kind: 'page', srcUrl: 'https://example.com/cat.png' },
    input: { aspect_ratio: 'match_input_image', output_format: 'png', safety_tolerance: 2, prompt_upsampling: false, seed: 42 },
    phase: 'polling',
    remoteStatus: 'processing',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    attempts: 0,
    cancelRequested: false,
    ...overrides,
  });
}
