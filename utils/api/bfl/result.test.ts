import { describe, expect, it } from 'vitest';
import { loadBflFixture } from './testing/fixtures';
import {
  BFL_CONTENT_MODERATED_MESSAGE,
  BFL_NO_SAMPLE_MESSAGE,
  BFL_REMOTE_STATUS,
  BFL_REQUEST_MODERATED_MESSAGE,
  BFL_TASK_NOT_FOUND_MESSAGE,
  BflCredits,
  BflResult,
  BflTask,
  classifyBflResult,
} from './result';

const result = (name: string) => BflResult.parse(loadBflFixture(name).body);

describe('classifyBflResult', () => {
  it('keeps polling while the task is Pending', () => {
    expect(classifyBflResult(result('result-pending'))).toEqual({ kind: 'running' });
  });

  it('succeeds with result.sample once Ready', () => {
    const sample = (loadBflFixture('result-ready').body as { result: { sample: string } }).result.sample;
    expect(classifyBflResult(result('result-ready'))).toEqual({ kind: 'succeeded', urls: [sample] });
  });

  it.each<[string, string, string]>([
    ['result-request-moderated', 'moderated', BFL_REQUEST_MODERATED_MESSAGE],
    ['result-content-moderated', 'moderated', BFL_CONTENT_MODERATED_MESSAGE],
    ['result-task-not-found', 'data-removed', BFL_TASK_NOT_FOUND_MESSAGE],
    ['result-ready-no-sample', 'no-output', BFL_NO_SAMPLE_MESSAGE],
  ])('fails %s as %s with its own message', (name, reason, message) => {
    expect(classifyBflResult(result(name))).toEqual({ kind: 'failed', reason, message });
  });

  it('tells the two moderations apart: the request, or the image made from it', () => {
    expect(BFL_REQUEST_MODERATED_MESSAGE).toMatch(/instruction or the input image/);
    expect(BFL_CONTENT_MODERATED_MESSAGE).toMatch(/edited image/);
  });

  it('says that results expire after ten minutes when the task is not found', () => {
    expect(BFL_TASK_NOT_FOUND_MESSAGE).toMatch(/ten minutes/);
  });

  it('reports an Error with the reason from details when there is one', () => {
    const outcome = classifyBflResult(result('result-error'));
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'model-error' });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/could not make this edit: Internal generation error$/);
  });

  it('reports an Error without details in plain words', () => {
    const outcome = classifyBflResult(result('result-error-bare'));
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/could not make this edit \(it gave no reason\)\.$/);
  });

  it('refuses an undocumented status rather than polling it forever', () => {
    expect(BflResult.safeParse(loadBflFixture('result-unknown-status').body).success).toBe(false);
  });

  it('maps every status to the job machine remote status, only Pending as running', () => {
    expect(Object.entries(BFL_REMOTE_STATUS).filter(([, s]) => s === 'processing')).toEqual([['Pending', 'processing']]);
    expect(BFL_REMOTE_STATUS.Ready).toBe('succeeded');
  });
});

describe('BflTask', () => {
  it('reads the id, the polling URL as given and the cost', () => {
    const body = loadBflFixture('create-ok').body as { id: string; polling_url: string; cost: number };
    expect(BflTask.parse(body)).toEqual({ id: body.id, pollingUrl: body.polling_url, cost: body.cost });
  });

  it('refuses an answer without polling_url', () => {
    expect(BflTask.safeParse(loadBflFixture('create-no-polling-url').body).success).toBe(false);
  });
});

describe('BflCredits', () => {
  it('reads the balance', () => {
    expect(BflCredits.parse(loadBflFixture('credits').body)).toEqual({ credits: 1234.5 });
  });

  it('refuses a balance that is not a number', () => {
    expect(BflCredits.safeParse({ credits: 'lots' }).success).toBe(false);
  });
});
