import { JOB_SCHEMA_VERSION, type Job } from '../../utils/job';

/** A job record for tests, acquiring by default; override any field. */
export function makeJob(overrides: Partial<Job> = {}): Job {
  return {
    v: JOB_SCHEMA_VERSION,
    id: 'job-1',
    prompt: 'make this a 90s cartoon',
    model: 'black-forest-labs/flux-kontext-pro',
    source: { kind: 'page', srcUrl: 'https://example.org/cat.png', pageUrl: 'https://example.org/' },
    input: { aspect_ratio: 'match_input_image', output_format: 'png', safety_tolerance: 2, prompt_upsampling: false, seed: 42 },
    phase: 'acquiring',
    createdAt: 1_000,
    updatedAt: 1_000,
    attempts: 0,
    cancelRequested: false,
    ...overrides,
  };
}
