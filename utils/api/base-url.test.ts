import { describe, expect, it } from 'vitest';
import { isReplicateApi, normalizeBaseUrl } from './base-url';

describe('normalizeBaseUrl', () => {
  it.each([
    ['  https://api.replicate.com/v1/  ', 'https://api.replicate.com/v1'],
    ['https://api.replicate.com/v1///', 'https://api.replicate.com/v1'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['https://Proxy.Example.com/replicate/v1', 'https://proxy.example.com/replicate/v1'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['ftp://example.com/v1', /https:\/\//],
    ['javascript:alert(1)', /https:\/\//],
    ['api.replicate.com/v1', /not a valid URL/],
    ['', /not a valid URL/],
    ['https://user:pw@example.com/v1', /user name/],
    ['https://example.com/v1?key=1', /query/],
  ])('refuses %j', (input, message) => {
    expect(() => normalizeBaseUrl(input)).toThrow(message);
  });
});

describe('isReplicateApi', () => {
  it('recognises only api.replicate.com', () => {
    expect(isReplicateApi('https://api.replicate.com/v1')).toBe(true);
    expect(isReplicateApi('https://api.replicate.com.evil.test/v1')).toBe(false);
    expect(isReplicateApi('http://127.0.0.1:8787/v1')).toBe(false);
  });
});
