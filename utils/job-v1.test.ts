import { describe, expect, it } from 'vitest';
import { readHistoryRecord } from './history/history-entry';
import { JOB_SCHEMA_VERSION } from './job';
import { modelInput } from './job-steps';
import { readStoredJobs } from './job-store';

/** A job exactly as the first builds stored it: version 1, pro's fixed inputs. */
const V1_JOB = {
  v: 1, id: 'old', prompt: 'make it sepia', model: 'black-forest-labs/flux-kontext-pro',
  source: { kind: 'page', srcUrl: 'https://example.org/a.png' },
  input: { aspect_ratio: 'match_input_image', output_format: 'png', safety_tolerance: 2, prompt_upsampling: false, seed: 1234 },
  phase: 'done', createdAt: 1, updatedAt: 2, attempts: 0, cancelRequested: false,
  result: { width: 10, height: 10, bytes: 100, type: 'image/png' },
};

describe('stored version 1 jobs', () => {
  it('read as the current version with their inputs unchanged, and send what they sent before', () => {
    const { jobs, kept } = readStoredJobs([V1_JOB]);
    expect(kept).toEqual([]);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ v: JOB_SCHEMA_VERSION, input: V1_JOB.input });
    expect(modelInput(jobs[0]!, 'data:x')).toEqual({ prompt: 'make it sepia', input_image: 'data:x', ...V1_JOB.input });
  });

  it('read inside a stored history entry too', () => {
    const entry = { v: 1, id: 'old', treeId: 'old', createdAt: 1, archivedAt: 3, job: V1_JOB };
    const read = readHistoryRecord(entry);
    expect(read).toMatchObject({ status: 'readable', migrated: true, entry: { job: { v: JOB_SCHEMA_VERSION, input: V1_JOB.input } } });
  });

  it('a version 2 job (dev’s inputs) is kept untouched by a build that knows only version 1', () => {
    const devJob = { ...V1_JOB, v: 2, model: 'black-forest-labs/flux-kontext-dev', input: { num_inference_steps: 30, guidance: 2.5, seed: 1 } };
    const older = readStoredJobs([devJob], { current: 1, unversioned: 1, migrations: {} });
    expect(older).toEqual({ jobs: [], kept: [devJob] });
    expect(readStoredJobs([devJob]).jobs[0]?.input).toEqual(devJob.input);
  });
});
