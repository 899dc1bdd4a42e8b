import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse, isApiError, parseRetryAfter } from './errors';
import { fixtureResponse, loadFixture } from './testing/fixtures';

const NOW = Date.parse('2025-06-01T10:00:00Z');
const fromFixture = (name: string) => apiErrorFromResponse(fixtureResponse(loadFixture(name)), NOW);

describe('apiErrorFromResponse', () => {
  it.each([
    ['error-401-unauthenticated', 'unauthenticated', 401, 'You did not pass a valid authentication token', false],
    ['error-401-title-only', 'unauthenticated', 401, 'Invalid API token', false],
    ['error-402-insufficient-credit', 'insufficient-credit', 402, 'You have insufficient credit', false],
    ['error-404-model', 'not-found', 404, 'The requested resource could not be found.', false],
    ['error-404-prediction', 'not-found', 404, 'The requested resource could not be found.', false],
    ['proxy-404-plain', 'not-found', 404, '404 page not found', false],
    ['error-422-invalid-fields', 'invalid-input', 422, '- input.output_format', false],
    ['error-400-eof', 'bad-request', 400, 'Failed to parse request body as JSON: EOF', false],
    ['error-429-detail-only', 'rate-limited', 429, 'Request was throttled. Your rate limit resets in ~30s.', true],
    ['error-500-html', 'server', 500, '500 Internal Server Error', true],
    ['error-502-html', 'server', 502, '502 Bad Gateway', true],
    ['error-503-html', 'server', 503, '503 Service Temporarily Unavailable', true],
    ['error-500-json-title', 'server', 500, 'Internal Server Error', true],
    ['error-html-no-title', 'server', 502, 'Upstream connect error', true],
  ])('reads %s as %s (HTTP %i) with its detail', async (name, kind, status, detail, retryable) => {
    const err = await fromFixture(name);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind, status, retryable, mayHaveCreated: false });
    expect(err.detail).toContain(detail);
    expect(err.detail).not.toMatch(/<|script/);
  });

  it('leaves detail undefined for an empty body and still names the status', async () => {
    const err = await fromFixture('error-503-empty');
    expect(err).toMatchObject({ kind: 'server', status: 503, detail: undefined, retryable: true });
    expect(err.message).toBe('The provider had a problem (HTTP 503). Try again in a moment.');
  });

  it('tells the user to check the key on a 401', async () => {
    expect((await fromFixture('error-401-unauthenticated')).message).toBe(
      'The API key was refused. Check it on the options page.',
    );
  });

  it('gives the billing link on a 402', async () => {
    const { message } = await fromFixture('error-402-insufficient-credit');
    expect(message).toMatch(/^Your account has no credit left/);
    expect(message).toContain('https://replicate.com/account/billing#billing');
  });

  it('still explains a 402 without a link', async () => {
    const err = await apiErrorFromResponse(new Response('{"detail":"No credit"}', { status: 402 }));
    expect(err.message).toMatch(/^Your account has no credit left.*billing page/);
  });

  it('says where to look on a 404', async () => {
    expect((await fromFixture('error-404-model')).message).toBe(
      'Not found at this API base URL (check the model name and base URL)',
    );
  });

  it('names every rejected field on a 422', async () => {
    const one = await fromFixture('error-422-invalid-fields');
    expect(one.invalidFields).toEqual([
      { field: 'input.output_format', description: 'output_format must be one of the following: "jpg", "png"' },
    ]);
    expect(one.message).toContain('input.output_format');
    const two = await fromFixture('error-422-two-fields');
    expect(two.invalidFields?.map((f) => f.field)).toEqual(['input.input_image', 'input.safety_tolerance']);
    expect(two.message).toMatch(/input\.input_image.*input\.safety_tolerance/);
  });

  it('hints that the image is too large on a 400 EOF', async () => {
    expect((await fromFixture('error-400-eof')).message).toMatch(/too large/);
  });

  it.each([
    ['error-429-retry-after-seconds', 12_000, 'Rate limited: retrying in 12 s'],
    ['error-429-retry-after-date', 45_000, 'Rate limited: retrying in 45 s'],
    ['error-429-detail-only', 30_000, 'Rate limited: retrying in 30 s'],
    ['error-429-bare', undefined, 'Rate limited: retrying shortly'],
  ])('takes the wait of %s from header, then detail', async (name, retryAfterMs, message) => {
    const err = await fromFixture(name);
    expect(err).toMatchObject({ kind: 'rate-limited', retryAfterMs, retryable: true, message });
  });

  it('names the status on a 5xx', async () => {
    expect((await fromFixture('error-502-html')).message).toBe(
      'The provider had a problem (HTTP 502). Try again in a moment.',
    );
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['7', undefined, 7_000],
    ['1.5', undefined, 1_500],
    ['Sun, 01 Jun 2025 10:00:10 GMT', undefined, 10_000],
    ['Sun, 01 Jun 2025 09:59:00 GMT', undefined, 0],
    [null, 'Your rate limit resets in ~30s.', 30_000],
    [null, 'try again in 8 seconds', 8_000],
    ['garbage', 'resets in ~5s', 5_000],
    [null, 'Request was throttled.', undefined],
    [undefined, undefined, undefined],
  ])('reads header %s / detail %s as %s ms', (header, detail, expected) => {
    expect(parseRetryAfter(header, detail, NOW)).toBe(expected);
  });
});

describe('ApiError', () => {
  it('is never retryable once a create may have happened', () => {
    expect(new ApiError('network', 'x').retryable).toBe(true);
    expect(new ApiError('network', 'x', { mayHaveCreated: true }).retryable).toBe(false);
    expect(new ApiError('invalid-input', 'x').retryable).toBe(false);
  });

  it('is recognised by isApiError', () => {
    expect(isApiError(new ApiError('server', 'x'))).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
  });
});
