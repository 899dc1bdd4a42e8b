import { describe, expect, it } from 'vitest';
import { mayReceiveKey } from './http';

describe('mayReceiveKey', () => {
  it.each([
    ['https://api.bfl.ai/v1', 'https://api.bfl.ai/v1/get_result?id=1', true],
    ['https://api.bfl.ai/v1', 'https://api.us1.bfl.ai/v1/get_result?id=1', true],
    ['https://api.bfl.ai/v1', 'https://api.eu1.bfl.ai/v1/get_result?id=1', true],
    ['https://api.bfl.ai/v1', 'http://api.us1.bfl.ai/v1/get_result?id=1', false],
    ['https://api.bfl.ai/v1', 'https://evil.example/v1/get_result', false],
    ['https://api.bfl.ai/v1', 'https://bfl.ai.evil.example/x', false],
    ['https://api.bfl.ai/v1', 'https://notbfl.ai/x', false],
    ['http://127.0.0.1:9000/v1', 'http://127.0.0.1:9000/v1/get_result?id=1', true],
    ['http://127.0.0.1:9000/v1', 'http://127.0.0.1:9001/v1/get_result?id=1', false],
    ['https://bfl.ai/v1', 'https://x.ai/v1', false],
    ['https://api.bfl.ai/v1', 'not a url', false],
  ])('from base %s, %s → %s', (base, url, expected) => {
    expect(mayReceiveKey(base, url)).toBe(expected);
  });
});
