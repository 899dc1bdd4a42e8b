// The static test site (tests/e2e/static-site.ts) as the browser meets it: two origins, gated files, ranges,
// generated files. Runs in Node against the real servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_JPEG_PATH, HUGE_JPEG_SIZE, SESSION_COOKIE } from '../e2e/corpus';
import { startStaticSite } from '../e2e/static-site';
import type { StaticSite } from '../e2e/static-site';

let site: StaticSite;

beforeAll(async () => {
  site = await startStaticSite();
});

afterAll(async () => {
  await site.close();
});

const jpegSize = (bytes: Buffer) => {
  for (let at = 2; at + 9 < bytes.length; at += 2 + bytes.readUInt16BE(at + 2)) {
    if (bytes[at + 1] === 0xc0) return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
  }
  return null;
};

describe('static site: existing behaviour', () => {
  it('serves pages on two different origins and puts the other origin into HTML', async () => {
    expect(site.crossOrigin).not.toBe(site.origin);
    const html = await (await fetch(site.url('/cross-origin.html'))).text();
    expect(html).toContain(`${site.crossOrigin}/landscape.png`);
    expect(html).not.toContain('__CROSS_ORIGIN__');
  });

  it('adds CORS only when asked and answers the status asked for', async () => {
    expect((await fetch(site.crossUrl('/badge.png'))).headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(site.crossUrl('/badge.png?cors=1'))).headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(site.url('/badge.png?status=503'))).status).toBe(503);
    expect((await fetch(site.url('/no-such-file.png'))).status).toBe(404);
  });

  it('records each request with the origin that answered it', async () => {
    await fetch(site.crossUrl('/corpus/photo.avif?probe=1'));
    expect(site.requests).toContainEqual(expect.objectContaining({ origin: 'cross', path: '/corpus/photo.avif' }));
    expect(site.requests.at(-1)?.query.get('probe')).toBe('1');
  });
});

describe('static site: hotlink protection', () => {
  const hotlinked = () => site.crossUrl('/corpus/hotlink.jpg?hotlink=1&cors=1');

  it('refuses the image without a Referer', async () => {
    expect((await fetch(hotlinked())).status).toBe(403);
  });

  it('refuses the image for a Referer on another origin', async () => {
    expect((await fetch(hotlinked(), { headers: { Referer: site.crossUrl('/corpus/index.html') } })).status).toBe(403);
  });

  it('serves the image when the Referer is a page of the main origin, even trimmed to the origin', async () => {
    for (const referer of [site.url('/corpus/hotlink-protected.html'), `${site.origin}/`]) {
      const response = await fetch(hotlinked(), { headers: { Referer: referer } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
    }
  });
});

describe('static site: cookie gate', () => {
  const gated = () => site.url(`/corpus/cookie-gated.jpg?cookie=${SESSION_COOKIE}`);

  it('sets an HttpOnly session cookie on the page that asks for it', async () => {
    const response = await fetch(site.url(`/corpus/cookie-gated.html?setcookie=${SESSION_COOKIE}`));
    expect(response.headers.get('set-cookie')).toBe(`${SESSION_COOKIE}=${site.sessionToken}; Path=/; HttpOnly; SameSite=Lax`);
  });

  it('refuses the image without the cookie or with a wrong value', async () => {
    expect((await fetch(gated())).status).toBe(403);
    expect((await fetch(gated(), { headers: { Cookie: `${SESSION_COOKIE}=guess` } })).status).toBe(403);
  });

  it('serves the image with the cookie the page set, among others', async () => {
    const response = await fetch(gated(), { headers: { Cookie: `theme=dark; ${SESSION_COOKIE}=${site.sessionToken}` } });
    expect(response.status).toBe(200);
  });

  it('gives every site its own token', async () => {
    const other = await startStaticSite();
    expect(other.sessionToken).not.toBe(site.sessionToken);
    await other.close();
  });
});

describe('static site: media', () => {
  it.each([
    ['/corpus/photo.avif', 'image/avif'],
    ['/corpus/clip.webm', 'video/webm'],
    ['/corpus/vector.svg', 'image/svg+xml'],
    ['/corpus/photo.webp', 'image/webp'],
  ])('serves %s as %s', async (pathname, type) => {
    expect((await fetch(site.url(pathname))).headers.get('content-type')).toBe(type);
  });

  it('answers a byte range with 206 and the matching slice', async () => {
    const whole = Buffer.from(await (await fetch(site.url('/corpus/clip.webm'))).arrayBuffer());
    const part = await fetch(site.url('/corpus/clip.webm'), { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(10, 20));
  });

  it('answers an open-ended and a suffix range', async () => {
    const whole = Buffer.from(await (await fetch(site.url('/corpus/clip.webm'))).arrayBuffer());
    const tail = await fetch(site.url('/corpus/clip.webm'), { headers: { Range: 'bytes=-5' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(whole.subarray(whole.length - 5));
    const rest = await fetch(site.url('/corpus/clip.webm'), { headers: { Range: `bytes=${whole.length - 3}-` } });
    expect(Buffer.from(await rest.arrayBuffer())).toEqual(whole.subarray(whole.length - 3));
  });

  it('answers 416 for a range past the end', async () => {
    const response = await fetch(site.url('/corpus/clip.webm'), { headers: { Range: 'bytes=999999-' } });
    expect(response.status).toBe(416);
  });
});

describe('static site: generated files', () => {
  it('serves the ~50 MP JPEG, made at test time within 3 s', async () => {
    const started = Date.now();
    const response = await fetch(site.url(HUGE_JPEG_PATH));
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Date.now() - started).toBeLessThan(3000);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(jpegSize(bytes)).toEqual(HUGE_JPEG_SIZE);
    expect(HUGE_JPEG_SIZE.width * HUGE_JPEG_SIZE.height).toBeGreaterThan(50_000_000);
  });

  it('applies the same query behaviours to generated files', async () => {
    expect((await fetch(site.crossUrl(`${HUGE_JPEG_PATH}?hotlink=1`))).status).toBe(403);
  });

  it('serves the generated files a caller gives instead of the default ones', async () => {
    const custom = await startStaticSite(undefined, { generated: { '/made.png': () => Buffer.from('made') } });
    expect(await (await fetch(custom.url('/made.png'))).text()).toBe('made');
    expect((await fetch(custom.url(HUGE_JPEG_PATH))).status).toBe(404);
    await custom.close();
  });
});
