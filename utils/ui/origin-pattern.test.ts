import { describe, expect, it } from 'vitest';
import { originPatternFor } from './origin-pattern';

describe('originPatternFor', () => {
  it('asks nothing for Replicate’s own API, which the manifest already allows', () => {
    expect(originPatternFor('https://api.replicate.com/v1')).toBeUndefined();
  });

  it('asks for the host of a compatible proxy, without path or port', () => {
    expect(originPatternFor('https://proxy.example.com/replicate/v1')).toBe('https://proxy.example.com/*');
    expect(originPatternFor('http://127.0.0.1:8787/v1')).toBe('http://127.0.0.1/*');
  });

  it('treats plain http to Replicate as a different origin', () => {
    expect(originPatternFor('http://api.replicate.com/v1')).toBe('http://api.replicate.com/*');
  });
});
