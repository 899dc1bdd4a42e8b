import { describe, expect, it } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { createJobService } from './job-service';
import { addJob, getJobs } from './job-store';
import { setApiKey } from './secret-store';

const image = { width: 800, height: 600, bytes: 100_000, type: 'image/jpeg' };

/** A service whose provider records the prompt of each create in the order the requests left. */
function serviceRecordingCreates() {
  const sent: string[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as { input: { prompt: string } };
    sent.push(body.input.prompt);
    const prediction = { id: `p-${body.input.prompt}`, status: 'starting', input: body.input };
    return new Response(JSON.stringify(prediction), { status: 201, headers: { 'content-type': 'application/json' } });
  };
  const service = createJobService({
    now: () => 50_000,
    random: () => 0.5,
    newId: () => 'unused',
    io: { acquireInput: async () => image, inputImage: async () => 'data:image/jpeg;base64,AAAA', downloadResult: async () => image },
    fetch,
    recordDiagnostic: async () => undefined,
  });
  return { service, sent };
}

describe('job service queue', () => {
  it('sends the creates of jobs released together in the order they were started', async () => {
    await setApiKey('r8_test');
    const { service, sent } = serviceRecordingCreates();
    for (const n of [1, 2, 3]) await addJob(makeJob({ id: `j${n}`, prompt: `edit ${n}`, createdAt: n, phase: 'creating', image }));

    // The store lists newest first, as the background passes it on every change.
    await service.runQueue(await getJobs());
    await expect.poll(() => sent.length).toBe(3);
    expect(sent).toEqual(['edit 1', 'edit 2', 'edit 3']);
  });

  it('resumes unfinished jobs oldest first', async () => {
    await setApiKey('r8_test');
    const { service, sent } = serviceRecordingCreates();
    for (const n of [1, 2, 3]) await addJob(makeJob({ id: `j${n}`, prompt: `edit ${n}`, createdAt: n, phase: 'creating', image }));

    await service.resumeAll();
    await expect.poll(() => sent.length).toBe(3);
    expect(sent).toEqual(['edit 1', 'edit 2', 'edit 3']);
  });
});
