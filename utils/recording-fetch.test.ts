import { describe, expect, it, vi } from 'vitest';
import type { DiagnosticEntry } from './diagnostics';
import { createRecordingFetch } from './recording-fetch';

const TOKEN = 'r8_Secret0123456789abcdefghij';
const AUTH = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
const IMAGE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB';

/** A fetch double that takes `ms` of fake time and then answers (or throws). */
function setup(answer: () => Promise<Response>, ms = 250) {
  let clock = 1_700_000_000_000;
  const entries: DiagnosticEntry[] = [];
  const inner = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    clock += ms;
    return answer();
  });
  const recorded = createRecordingFetch(inner as typeof fetch, (entry) => void entries.push(entry), () => clock);
  return { recorded, inner, entries, startedAt: clock };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('recording fetch', () => {
  it('records a successful exchange and hands back the very same response, body unread', async () => {
    const answer = json(201, { id: 'abc', status: 'starting' });
    const { recorded, inner, entries, startedAt } = setup(async () => answer, 320);
    const init = { method: 'post', headers: AUTH, body: JSON.stringify({ input: { input_image: IMAGE } }) };

    const response = await recorded('https://api.replicate.com/v1/models/o/m/predictions', init);

    expect(response).toBe(answer);
    expect(await response.json()).toEqual({ id: 'abc', status: 'starting' });
    expect(inner).toHaveBeenCalledWith('https://api.replicate.com/v1/models/o/m/predictions', init);
    expect(entries).toEqual([{ at: startedAt, method: 'POST', host: 'api.replicate.com', path: '/v1/models/o/m/predictions', status: 201, ms: 320 }]);
  });

  it.each([
    ['the problem detail', json(401, { title: 'Unauthenticated', detail: 'You did not pass a valid authentication token' }), 'You did not pass a valid authentication token'],
    ['the title when there is no detail', json(429, { title: 'Too Many Requests' }), 'Too Many Requests'],
    ['the start of a text answer', new Response('<h1>502 Bad Gateway</h1>\nnginx', { status: 502 }), '<h1>502 Bad Gateway</h1> nginx'],
  ])('records %s of a refusal, while the caller still reads the whole body', async (_name, answer, error) => {
    const original = await answer.clone().text();
    const { recorded, entries } = setup(async () => answer);
    const response = await recorded('https://api.replicate.com/v1/account', { headers: AUTH });
    expect(response).toBe(answer);
    expect(await response.text()).toBe(original);
    await vi.waitFor(() => expect(entries).toHaveLength(1));
    expect(entries[0]).toMatchObject({ method: 'GET', path: '/v1/account', status: answer.status, error });
  });

  it('keeps the key, bearer values and image data out of a refusal that echoes them', async () => {
    const detail = `Token ${TOKEN} (Bearer ${TOKEN}) cannot use input_image ${IMAGE}`;
    const { recorded, entries } = setup(async () => json(422, { detail }));
    await recorded('https://proxy.example.com/replicate/v1/predictions', { method: 'POST', headers: AUTH, body: IMAGE });
    await vi.waitFor(() => expect(entries).toHaveLength(1));
    const stored = JSON.stringify(entries);
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain('iVBORw0KGgo');
    expect(entries[0]?.error).toMatch(/^Token \[redacted\].*cannot use input_image data:/);
  });

  it('keeps a Black Forest Labs key (sent as x-key) out of a refusal that echoes it', async () => {
    const key = 'a1b2c3d4-0000-4e5f-9a8b-abcdefabcdef';
    const { recorded, entries } = setup(async () => json(401, { detail: `Key ${key} is not valid` }));
    await recorded('https://api.bfl.ai/v1/credits', { headers: { 'x-key': key } });
    await vi.waitFor(() => expect(entries).toHaveLength(1));
    expect(JSON.stringify(entries)).not.toContain(key);
    expect(entries[0]?.error).toBe('Key [redacted] is not valid');
  });

  it('records a network failure as no status, and rethrows the very same error', async () => {
    const failure = new TypeError('Failed to fetch');
    const { recorded, entries, startedAt } = setup(() => Promise.reject(failure), 90);
    await expect(recorded('https://api.replicate.com/v1/predictions/xyz', { headers: AUTH })).rejects.toBe(failure);
    expect(entries).toEqual([
      { at: startedAt, method: 'GET', host: 'api.replicate.com', path: '/v1/predictions/xyz', status: null, ms: 90, error: 'TypeError: Failed to fetch' },
    ]);
  });

  it('names a timeout by its error name', async () => {
    const timeout = new DOMException('The API took too long to answer', 'TimeoutError');
    const { recorded, entries } = setup(() => Promise.reject(timeout));
    await expect(recorded('https://api.replicate.com/v1/account')).rejects.toBe(timeout);
    expect(entries[0]?.error).toBe('TimeoutError: The API took too long to answer');
  });

  it('reads the method and URL of a Request object, without its query values', async () => {
    const { recorded, entries } = setup(async () => json(200, {}));
    await recorded(new Request('https://api.replicate.com/v1/predictions?cursor=c2VjcmV0', { method: 'DELETE', headers: AUTH }));
    await recorded(new URL('https://api.replicate.com/v1/account'));
    expect(entries.map((e) => `${e.method} ${e.path}`)).toEqual(['DELETE /v1/predictions?cursor=…', 'GET /v1/account']);
  });

  it.each([
    ['throws', () => { throw new Error('storage is full'); }],
    ['rejects', () => Promise.reject(new Error('storage is full'))],
  ])('answers the caller normally when recording %s', async (_name, record) => {
    const answer = json(404, { detail: 'Not found' });
    const recorded = createRecordingFetch(async () => answer, record);
    await expect(recorded('https://api.replicate.com/v1/predictions/gone')).resolves.toBe(answer);
    const failure = new TypeError('Failed to fetch');
    const failing = createRecordingFetch(() => Promise.reject(failure), record);
    await expect(failing('https://api.replicate.com/v1/account')).rejects.toBe(failure);
  });
});
