// @vitest-environment node
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApiDouble } from './index';
import { PRO, api, patternPng, type Json } from './test-helpers';
import type { ApiDouble } from './types';

let double: ApiDouble;

beforeEach(async () => {
  double = await startApiDouble({ timing: { startingMs: 20, processingMs: 60 } });
});
afterEach(async () => {
  await double.close();
});

describe('other endpoints', () => {
  it('accepts the proxy fallback form with version "owner/name" and rejects an unknown version', async () => {
    const ok = await api(double, '/predictions', { body: { version: 'black-forest-labs/flux-kontext-max', input: { prompt: 'x' } } });
    const bad = await api(double, '/predictions', { body: { version: 'someone/else', input: { prompt: 'x' } } });
    expect([ok.status, ok.json.model]).toEqual([201, 'black-forest-labs/flux-kontext-max']);
    expect([bad.status, bad.json.title]).toEqual([422, 'Invalid version or not permitted']);
  });

  it('lists predictions newest first in pages', async () => {
    const paged = await startApiDouble({ listPageSize: 2 });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await api(paged, PRO, { body: { input: { prompt: `p${i}` } } })).json.id);
      const first = await api(paged, '/predictions');
      expect(first.json.results.map((p: Json) => p.id)).toEqual([ids[2], ids[1]]);
      expect(first.json.previous).toBeNull();
      const next = new URL(first.json.next as string);
      const second = await api(paged, `/predictions${next.search}`);
      expect(second.json.results.map((p: Json) => p.id)).toEqual([ids[0]]);
      expect(second.json.next).toBeNull();
    } finally {
      await paged.close();
    }
  });

  it('uploads a file whose URL then works as input_image', async () => {
    const png = patternPng(40, 30);
    const form = new FormData();
    form.append('content', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'photo.png');
    form.append('metadata', JSON.stringify({ from: 'test' }));
    const upload = await fetch(`${double.apiUrl}/files`, { method: 'POST', headers: { authorization: 'Bearer r8_test_valid' }, body: form });
    const file = (await upload.json()) as Json;
    expect(upload.status).toBe(201);
    expect(file).toMatchObject({ name: 'photo.png', content_type: 'image/png', size: png.length, metadata: { from: 'test' } });
    expect(file.urls.get).toBe(`https://api.replicate.com/v1/files/${file.id}`);
    const download = await fetch(`${double.apiUrl}/files/${file.id}/download`, { headers: { authorization: 'Bearer r8_test_valid' } });
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${double.apiUrl}/files/${file.id}/download`)).status).toBe(401);

    const { json } = await api(double, PRO, { body: { input: { prompt: 'x', input_image: file.urls.get } }, headers: { prefer: 'wait=5' } });
    expect(json.status).toBe('succeeded');
    expect(double.inputsOf(json.id)).toMatchObject({ width: 40, height: 30, format: 'png', bytes: png.length, source: 'files-api' });
  });

  it('records every API request with headers and parsed body', async () => {
    await api(double, PRO, { body: { input: { prompt: 'recorded' } }, headers: { prefer: 'wait=1' } });
    const [create] = double.requests;
    expect(create).toMatchObject({ method: 'POST', path: '/v1' + PRO, status: 201, body: { input: { prompt: 'recorded' } } });
    expect(create?.headers.authorization).toBe('Bearer r8_test_valid');
    expect(create?.headers.prefer).toBe('wait=1');
    expect(create?.bodyBytes).toBe(JSON.stringify({ input: { prompt: 'recorded' } }).length);
  });

  it('serves both servers over HTTPS with a certificate for the real host names', { timeout: 15_000 }, async () => {
    const secure = await startApiDouble({ tls: true });
    try {
      expect(secure.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(secure.filesUrl).toMatch(/^https:\/\//);
      const account = await httpsGet(`${secure.apiUrl}/account`, { authorization: 'Bearer r8_test_valid' });
      expect(account.status).toBe(200);
      expect(JSON.parse(account.body).username).toBe('kontext-tester');
      for (const name of ['DNS:api.replicate.com', 'DNS:replicate.delivery', 'DNS:*.replicate.delivery', 'IP Address:127.0.0.1']) {
        expect(account.san).toContain(name);
      }
      expect((await httpsGet(`${secure.filesUrl}/xezq/none/out-0.png`, {})).status).toBe(404);
    } finally {
      await secure.close();
    }
  });
});

/** GET over HTTPS accepting the self-signed certificate; reports the certificate's names. */
function httpsGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string; san: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, agent: false, headers }, (res) => {
      // Read the certificate now: the socket is detached once the response ends.
      const san = (res.socket as TLSSocket).getPeerCertificate().subjectaltname ?? '';
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, san }));
    });
    req.on('error', reject);
    req.end();
  });
}
