import { describe, expect, it } from 'vitest';
import { MAX_ERROR_CHARS, safePath, scrubErrorText, scrubSecrets } from './diagnostics-scrub';

describe('diagnostics scrubbing', () => {
  it.each([
    ['a Replicate token', 'Invalid token r8_AbCdEf0123456789xyz given', 'r8_AbCdEf0123456789xyz'],
    ['a Black Forest Labs key', 'Key bfl_Q2xvdWRz0123456789 is not valid', 'bfl_Q2xvdWRz0123456789'],
    ['a bearer value', 'Authorization: Bearer sk-live-1234567890 was refused', 'sk-live-1234567890'],
    ['a data: URI', 'input_image "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==" is too large', 'iVBORw0KGgo'],
  ])('removes %s', (_name, text, secret) => {
    const scrubbed = scrubSecrets(text);
    expect(scrubbed).not.toContain(secret);
    expect(scrubbed.length).toBeGreaterThan(10);
  });

  it('removes the exact key in use, even when it does not look like a token', () => {
    expect(scrubSecrets('proxy says: unknown key hunter2-proxy-key', ['hunter2-proxy-key'])).toBe('proxy says: unknown key [redacted]');
  });

  it.each(['You did not pass a valid authentication token', 'Invalid data: expected an image', 'bad metadata:foo'])(
    'keeps an ordinary message as it is: %s',
    (message) => expect(scrubErrorText(message)).toBe(message),
  );

  it('folds lines and caps the length', () => {
    const text = `<html>\n<body>${'x'.repeat(1000)}</body></html>`;
    const line = scrubErrorText(text) ?? '';
    expect(line).not.toContain('\n');
    expect(line.length).toBe(MAX_ERROR_CHARS);
    expect(line.endsWith('…')).toBe(true);
  });

  it('gives nothing for blank text', () => {
    expect(scrubErrorText(' \n ')).toBeUndefined();
  });

  it('keeps the path and the query names, not the query values', () => {
    expect(safePath(new URL('https://api.example.com/v1/predictions/abc?cursor=secret123&cursor=2&x=1'))).toBe('/v1/predictions/abc?cursor=…&x=…');
    expect(safePath(new URL('https://proxy.example.com/r8_0123456789abcdef/v1/account'))).toBe('/[redacted]/v1/account');
  });
});
