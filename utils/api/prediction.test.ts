import { describe, expect, it } from 'vitest';
import {
  ABORTED_MESSAGE,
  classifyPrediction,
  isTerminal,
  MODERATED_MESSAGE,
  outputUrls,
  Prediction,
  PredictionStatus,
} from './prediction';
import { loadFixture } from './testing/fixtures';

const prediction = (name: string) => Prediction.parse(loadFixture(name).body);
const OUT = 'https://replicate.delivery/xezq/abc123/tmpz8x1.jpg';

describe('Prediction schema', () => {
  it('keeps fields it does not know', () => {
    expect(prediction('get-succeeded-string')).toMatchObject({ source: 'api', version: 'hidden' });
  });

  it('accepts a proxy prediction with only id and status, dropping optional fields of the wrong type', () => {
    const p = prediction('proxy-get-minimal');
    expect(p).toMatchObject({ id: 'p-123', status: 'succeeded', output: OUT, extra_field: true });
    expect(p.metrics).toBeUndefined();
    expect(p.urls).toBeNull();
  });

  it.each([
    ['an unknown status', { id: 'a', status: 'queued' }],
    ['a missing id', { status: 'starting' }],
    ['an empty id', { id: '', status: 'starting' }],
    ['a numeric id', { id: 7, status: 'starting' }],
  ])('rejects %s', (_, body) => {
    expect(Prediction.safeParse(body).success).toBe(false);
  });
});

describe('isTerminal', () => {
  it.each(PredictionStatus.options.map((s) => [s, !['starting', 'processing'].includes(s)] as const))(
    '%s → %s',
    (status, terminal) => {
      expect(isTerminal(status)).toBe(terminal);
    },
  );
});

describe('outputUrls', () => {
  it.each([
    ['a string', OUT, [OUT]],
    ['an array, ignoring non-strings and blanks', [OUT, null, 3, '', 'data:image/png;base64,AA'], [OUT, 'data:image/png;base64,AA']],
    ['null', null, []],
    ['an object', { image: OUT }, []],
    ['an empty string', '  ', []],
  ])('reads %s', (_, output, urls) => {
    expect(outputUrls({ output })).toEqual(urls);
  });
});

describe('classifyPrediction', () => {
  it.each([
    ['create-starting', { kind: 'running' }],
    ['create-sync-starting-after-wait', { kind: 'running' }],
    ['get-processing', { kind: 'running' }],
    ['create-sync-processing-with-output', { kind: 'succeeded', urls: [OUT] }],
    ['get-succeeded-string', { kind: 'succeeded', urls: [OUT] }],
    ['get-succeeded-array', { kind: 'succeeded', urls: [OUT, 'https://replicate.delivery/xezq/abc123/second.png'] }],
    ['get-canceled', { kind: 'canceled' }],
    ['get-aborted', { kind: 'failed', reason: 'aborted', message: ABORTED_MESSAGE }],
    ['get-failed-e005', { kind: 'failed', reason: 'moderated', message: MODERATED_MESSAGE }],
    ['get-failed-error-object', { kind: 'failed', reason: 'moderated', message: MODERATED_MESSAGE }],
    ['get-failed-model-error', { kind: 'failed', reason: 'model-error', message: 'CUDA out of memory. Tried to allocate 2.00 GiB' }],
    ['get-succeeded-no-output', { kind: 'failed', reason: 'no-output' }],
    ['get-data-removed', { kind: 'failed', reason: 'data-removed' }],
  ])('classifies %s', (name, outcome) => {
    expect(classifyPrediction(prediction(name))).toMatchObject(outcome);
  });

  it('passes a data: URI output through', () => {
    const outcome = classifyPrediction(prediction('get-succeeded-data-uri'));
    expect(outcome.kind === 'succeeded' && outcome.urls[0]).toMatch(/^data:image\/png;base64,/);
  });

  it('says the moderation message in plain words', () => {
    expect(MODERATED_MESSAGE).toBe(
      'The provider refused this edit: the image or instruction was flagged as sensitive (E005). Try a different image or instruction.',
    );
  });

  it('explains a failure without any error text', () => {
    const outcome = classifyPrediction({ id: 'a', status: 'failed', error: null });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'model-error' });
    expect(outcome.kind === 'failed' && outcome.message.length).toBeGreaterThan(10);
  });

  it('does not mistake a model error mentioning a similar code for moderation', () => {
    const outcome = classifyPrediction({ id: 'a', status: 'failed', error: 'Error E0051: bad tensor' });
    expect(outcome).toMatchObject({ reason: 'model-error', message: 'Error E0051: bad tensor' });
  });

  it('prefers a surviving output over data_removed', () => {
    expect(classifyPrediction({ id: 'a', status: 'succeeded', output: OUT, data_removed: true })).toEqual({
      kind: 'succeeded',
      urls: [OUT],
    });
  });
});
