// @vitest-environment node
// The extension's BFL client against the double: the two were written from the same notes, so this
// is where a disagreement between them shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBflClient, type BflClient } from '../../../utils/api/bfl/client';
import { classifyBflResult } from '../../../utils/api/bfl/result';
import { dataUri, fetchImage, patternPng } from '../test-helpers';
import { startBflDouble, type BflDouble } from './index';
import { BFL_VALID, manualClock } from './test-helpers';

let clock: ReturnType<typeof manualClock>;
let double: BflDouble;
let client: BflClient;
const input = { prompt: 'invert the colours', input_image: dataUri(patternPng(40, 30), 'image/png'), aspect_ratio: 'match_input_image', output_format: 'jpg', seed: 7 };

beforeEach(async () => {
  clock = manualClock();
  double = await startBflDouble({ now: clock.now, pendingMs: 1_000 });
  client = createBflClient({ baseUrl: double.apiUrl, key: BFL_VALID });
});
afterEach(async () => {
  await double.close();
});

describe('BFL client against the double', () => {
  it('creates from a job-style input, polls to Ready and gets a downloadable jpeg', async () => {
    const task = await client.createEdit('flux-kontext-pro', input);
    expect(classifyBflResult(await client.getResult(task.pollingUrl))).toEqual({ kind: 'running' });
    clock.advance(1_000);
    const outcome = classifyBflResult(await client.getResult(task.pollingUrl));
    if (outcome.kind !== 'succeeded') throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
    const img = await fetchImage(outcome.urls[0] ?? '');
    expect([img.width, img.height, img.type]).toEqual([40, 30, 'image/jpeg']);
    expect(double.tasks.get(task.id)?.input).toMatchObject({ output_format: 'jpeg', seed: 7 });
    expect(double.tasks.get(task.id)?.input).not.toHaveProperty('aspect_ratio');
  });

  it('reads the balance, which the edit lowered by its cost', async () => {
    const task = await client.createEdit('flux-kontext-max', input);
    expect(await client.getCredits()).toEqual({ credits: 1000 - (task.cost ?? NaN) });
  });

  it('turns moderation, expiry, a wrong key and no credit into their errors', async () => {
    double.queueOutcome('content-moderated');
    const moderated = await client.createEdit('flux-kontext-pro', input);
    clock.advance(1_000);
    expect(classifyBflResult(await client.getResult(moderated.pollingUrl))).toMatchObject({ kind: 'failed', reason: 'moderated' });
    clock.advance(10 * 60_000);
    expect(classifyBflResult(await client.getResult(moderated.pollingUrl))).toMatchObject({ kind: 'failed', reason: 'data-removed' });
    const wrong = createBflClient({ baseUrl: double.apiUrl, key: 'bfl_nope' });
    await expect(wrong.getCredits()).rejects.toMatchObject({ kind: 'unauthenticated', status: 401 });
    const broke = createBflClient({ baseUrl: double.apiUrl, key: 'bfl_test_nocredit' });
    await expect(broke.createEdit('flux-kontext-pro', input)).rejects.toMatchObject({ kind: 'insufficient-credit', mayHaveCreated: false });
  });
});
